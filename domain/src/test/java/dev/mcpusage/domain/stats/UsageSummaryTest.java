package dev.mcpusage.domain.stats;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.domain.latency.Percentiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageSummaryTest {

  @Test
  void givenEmptyWindow_summary_isOneRowOfZeros() {
    UsageSummary summary = UsageSummary.of(List.of(), 0);

    assertThat(summary.totalCalls()).isZero();
    assertThat(summary.successRate()).isZero();
    assertThat(summary.mostUsedTool()).isEmpty();
    assertThat(summary.percentiles()).isEqualTo(Percentiles.NONE);
  }

  @Test
  void givenTiedTools_summary_picksTheAlphabeticallyFirst_andSumsCategoriesAcrossTools() {
    List<ToolStats> tools =
        List.of(
            tool("rag", "rag_search", 2),
            tool("rag", "rag_query", 2),
            tool("task", "create_task", 3));

    UsageSummary summary = UsageSummary.of(tools, 4);

    assertThat(summary.mostUsedTool()).contains("create_task");
    assertThat(summary.mostUsedCategory()).contains("rag");
    assertThat(summary.totalCalls()).isEqualTo(7);
    assertThat(summary.uniqueSessions()).isEqualTo(4);
  }

  private static ToolStats tool(String category, String name, int calls) {
    BucketStats stats = BucketStats.EMPTY;
    for (int i = 0; i < calls; i++) {
      stats = stats.merge(BucketStats.of(anEvent().toolCategory(category).toolName(name).build()));
    }
    return new ToolStats(new ToolKey("default", category, name), stats);
  }
}
