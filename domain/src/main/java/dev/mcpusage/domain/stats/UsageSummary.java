package dev.mcpusage.domain.stats;

import dev.mcpusage.domain.latency.Percentiles;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Value: the seed's summary of a window ({@code get_mcp_usage_summary}) plus percentiles. An empty
 * window gives zeros, not "no row".
 */
public record UsageSummary(
    long totalCalls,
    long successfulCalls,
    long failedCalls,
    double successRate,
    long uniqueSessions,
    double averageResponseTimeMs,
    Optional<String> mostUsedTool,
    Optional<String> mostUsedCategory,
    Percentiles percentiles) {

  public UsageSummary {
    Objects.requireNonNull(mostUsedTool, "mostUsedTool");
    Objects.requireNonNull(mostUsedCategory, "mostUsedCategory");
    Objects.requireNonNull(percentiles, "percentiles");
    if (successfulCalls + failedCalls != totalCalls) {
      throw new IllegalArgumentException("successful + failed calls must equal total calls");
    }
  }

  /**
   * Summarizes per-tool statistics and the window's distinct sessions. Ties for "most used" go to
   * the alphabetically first name, so the answer is stable.
   */
  public static UsageSummary of(List<ToolStats> tools, long uniqueSessions) {
    BucketStats total = BucketStats.EMPTY;
    Map<String, Long> callsByTool = new HashMap<>();
    Map<String, Long> callsByCategory = new HashMap<>();
    for (ToolStats tool : tools) {
      total = total.merge(tool.stats());
      callsByTool.merge(tool.tool().toolName(), tool.stats().callCount(), Long::sum);
      callsByCategory.merge(tool.tool().toolCategory(), tool.stats().callCount(), Long::sum);
    }
    return new UsageSummary(
        total.callCount(),
        total.successCount(),
        total.errorCount(),
        total.successRatePercent(),
        uniqueSessions,
        Math.round(total.averageResponseTimeMs() * 100.0) / 100.0,
        mostCalled(callsByTool),
        mostCalled(callsByCategory),
        total.percentiles());
  }

  private static Optional<String> mostCalled(Map<String, Long> calls) {
    return calls.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .min(
            Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey);
  }
}
