package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.event.UsageEvent;

/**
 * Use case: record one tool call from the tool's own thread, which never waits for storage and
 * never sees an exception from tracking.
 */
public interface TrackUsage {

  /**
   * Hands the event to the background writer and returns at once.
   *
   * @return false when the event was not accepted (the reason is counted in {@link #statistics()})
   */
  boolean track(UsageEvent event);

  /**
   * Builds the event and tracks it; an event the domain refuses is counted as rejected by field.
   *
   * @return false when the event was rejected or not accepted
   */
  boolean track(UsageEvent.Builder event);

  /** What the tracker accepted, wrote, retried, spooled, replayed, rejected and dropped so far. */
  TrackerStatistics statistics();
}
