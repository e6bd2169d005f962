package dev.mcpusage.application.tracker;

import java.time.Duration;

/**
 * Configuration: how the tracker queues, batches, retries and spools.
 *
 * @param queueCapacity events the queue holds before callers' events are dropped (and counted)
 * @param batchSize queued events that make a batch: the writer wakes for them without lingering
 * @param maxBatchSize most events per write: a writer that fell behind takes up to this many at
 *     once, so a sustained stream is written in large batches (fixed costs per write amortized)
 * @param linger longest a queued event waits for its batch to fill
 * @param minBackoff first wait after a failed write
 * @param maxBackoff longest wait between attempts while the store is down
 * @param retryMemoryEvents events held in memory while the store is down before they are spooled
 * @param reportEvery how often the writer logs its counters when they changed
 */
public record TrackerSettings(
    int queueCapacity,
    int batchSize,
    int maxBatchSize,
    Duration linger,
    Duration minBackoff,
    Duration maxBackoff,
    int retryMemoryEvents,
    Duration reportEvery) {

  public TrackerSettings {
    if (queueCapacity < 1 || batchSize < 1 || retryMemoryEvents < 1) {
      throw new IllegalArgumentException(
          "queue capacity, batch size and retry memory must be >= 1");
    }
    if (maxBatchSize < batchSize) {
      throw new IllegalArgumentException(
          "the largest batch (" + maxBatchSize + ") must be >= the batch size (" + batchSize + ")");
    }
    if (linger.isNegative() || minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("linger and backoffs must be >= 0 and min <= max");
    }
  }

  /**
   * 65,536 queued events, batches of 1,000 or 200 ms (up to 10,000 when behind), backoff 250 ms to
   * 5 s, 10,000 in memory.
   */
  public static TrackerSettings standard() {
    return new TrackerSettings(
        65_536,
        1_000,
        10_000,
        Duration.ofMillis(200),
        Duration.ofMillis(250),
        Duration.ofSeconds(5),
        10_000,
        Duration.ofMinutes(1));
  }

  /** The same settings with another batch size, largest batch and linger. */
  public TrackerSettings withBatching(int size, int maxSize, Duration wait) {
    return new TrackerSettings(
        queueCapacity, size, maxSize, wait, minBackoff, maxBackoff, retryMemoryEvents, reportEvery);
  }
}
