package dev.mcpusage.domain.stats;

import java.time.Instant;
import java.util.Objects;

/** Value: how many calls of one tool failed with one error type in a window, and the latest one. */
public record ErrorCount(ToolKey tool, String errorType, long count, Instant lastSeenAt) {

  /** What a failure without an error type is reported as. */
  public static final String UNKNOWN = "unknown";

  public ErrorCount {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    if (count < 1) {
      throw new IllegalArgumentException("an error count is at least 1, was " + count);
    }
  }
}
