package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.latency.Percentiles;
import dev.mcpusage.domain.stats.BucketStats;
import dev.mcpusage.domain.stats.ToolStats;
import java.time.Instant;

/** Response: one tool over a period — calls, error rate, latency, last call. */
record ToolResponse(
    String serverName,
    String toolCategory,
    String toolName,
    long callCount,
    long errorCount,
    double errorRate,
    double avgResponseTimeMs,
    int p50ResponseTimeMs,
    int p95ResponseTimeMs,
    int p99ResponseTimeMs,
    Instant lastCallAt) {

  static ToolResponse from(ToolStats tool) {
    BucketStats stats = tool.stats();
    Percentiles percentiles = stats.percentiles();
    return new ToolResponse(
        tool.tool().serverName(),
        tool.tool().toolCategory(),
        tool.tool().toolName(),
        stats.callCount(),
        stats.errorCount(),
        stats.errorRatePercent(),
        Rounding.twoDecimals(stats.averageResponseTimeMs()),
        percentiles.p50(),
        percentiles.p95(),
        percentiles.p99(),
        stats.lastCallAt().orElse(null));
  }
}
