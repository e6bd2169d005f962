package dev.mcpusage.domain.stats;

import java.util.Objects;

/** Value: the statistics of one tool over a whole window. */
public record ToolStats(ToolKey tool, BucketStats stats) {

  public ToolStats {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(stats, "stats");
  }
}
