package dev.mcpusage.domain.stats;

import java.util.Objects;

/** Value: one client type's calls in a window and its exact number of distinct sessions. */
public record ClientUsage(String clientType, BucketStats stats, long uniqueSessions) {

  /** What a call with no client type is reported as. */
  public static final String UNKNOWN = "unknown";

  public ClientUsage {
    Objects.requireNonNull(clientType, "clientType");
    Objects.requireNonNull(stats, "stats");
  }
}
