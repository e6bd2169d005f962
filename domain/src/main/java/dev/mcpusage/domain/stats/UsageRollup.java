package dev.mcpusage.domain.stats;

import java.time.Instant;
import java.util.Objects;

/**
 * Value: one row of the hourly or daily rollup — a bucket, a tool, its statistics and its exact
 * number of distinct sessions, a session being a client's session (client type and session id).
 */
public record UsageRollup(
    Instant bucketStart, ToolKey tool, BucketStats stats, long uniqueSessions) {

  public UsageRollup {
    Objects.requireNonNull(bucketStart, "bucketStart");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(stats, "stats");
    if (uniqueSessions < 0 || uniqueSessions > stats.callCount()) {
      throw new IllegalArgumentException(
          "unique sessions must be between 0 and the call count, was " + uniqueSessions);
    }
  }
}
