package dev.mcpusage.domain.event;

import java.time.Duration;
import java.time.Instant;

/** Rule: an event may not be stamped more than a few minutes after the receiver's clock. */
public record ClockSkewPolicy(Duration maxAhead) {

  /** Tolerance of the standard policy: clocks of MCP hosts drift, but not by more than this. */
  public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);

  public ClockSkewPolicy {
    if (maxAhead.isNegative()) {
      throw new IllegalArgumentException("maxAhead must not be negative");
    }
  }

  /** The policy with {@link #DEFAULT_MAX_AHEAD}. */
  public static ClockSkewPolicy standard() {
    return new ClockSkewPolicy(DEFAULT_MAX_AHEAD);
  }

  /** Throws when {@code event} is stamped later than {@code now} plus the tolerance. */
  public void check(UsageEvent event, Instant now) {
    Instant latest = now.plus(maxAhead);
    if (event.timestamp().isAfter(latest)) {
      throw new InvalidUsageEventException(
          "timestamp",
          "must be at most "
              + maxAhead.toMinutes()
              + " minutes in the future, was "
              + event.timestamp()
              + " (now "
              + now
              + ")");
    }
  }
}
