package dev.mcpusage.domain.stats;

import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.latency.LatencyHistogram;
import dev.mcpusage.domain.latency.Percentiles;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Value: what a set of calls adds up to — counts, latency sum, extremes and histogram, first and
 * last call. {@link #merge} is associative and commutative with {@link #EMPTY} as identity, so any
 * grouping of buckets gives the same totals.
 */
public record BucketStats(
    long callCount,
    long errorCount,
    long responseTimeSumMs,
    int minResponseTimeMs,
    int maxResponseTimeMs,
    Optional<Instant> firstCallAt,
    Optional<Instant> lastCallAt,
    LatencyHistogram latency) {

  /** Stats of no call at all. */
  public static final BucketStats EMPTY =
      new BucketStats(0, 0, 0, 0, 0, Optional.empty(), Optional.empty(), LatencyHistogram.empty());

  public BucketStats {
    Objects.requireNonNull(firstCallAt, "firstCallAt");
    Objects.requireNonNull(lastCallAt, "lastCallAt");
    Objects.requireNonNull(latency, "latency");
    if (callCount < 0 || errorCount < 0 || errorCount > callCount) {
      throw new IllegalArgumentException(
          "need 0 <= errorCount <= callCount, got " + errorCount + " / " + callCount);
    }
    if (callCount == 0 && (firstCallAt.isPresent() || lastCallAt.isPresent())) {
      throw new IllegalArgumentException("an empty bucket has no first or last call");
    }
    if (callCount > 0 && (firstCallAt.isEmpty() || lastCallAt.isEmpty())) {
      throw new IllegalArgumentException("a bucket with calls has a first and a last call");
    }
    if (minResponseTimeMs > maxResponseTimeMs) {
      throw new IllegalArgumentException("min response time exceeds max");
    }
  }

  /** Stats of one call. */
  public static BucketStats of(UsageEvent event) {
    int ms = event.responseTimeMs();
    return new BucketStats(
        1,
        event.success() ? 0 : 1,
        ms,
        ms,
        ms,
        Optional.of(event.timestamp()),
        Optional.of(event.timestamp()),
        LatencyHistogram.of(ms));
  }

  /** Stats of both sets of calls together. */
  public BucketStats merge(BucketStats other) {
    if (other.callCount == 0) {
      return this;
    }
    if (callCount == 0) {
      return other;
    }
    return new BucketStats(
        callCount + other.callCount,
        errorCount + other.errorCount,
        responseTimeSumMs + other.responseTimeSumMs,
        Math.min(minResponseTimeMs, other.minResponseTimeMs),
        Math.max(maxResponseTimeMs, other.maxResponseTimeMs),
        Optional.of(earliest(firstCallAt.get(), other.firstCallAt.get())),
        Optional.of(latest(lastCallAt.get(), other.lastCallAt.get())),
        latency.merge(other.latency));
  }

  /** Calls that succeeded. */
  public long successCount() {
    return callCount - errorCount;
  }

  /** Mean response time in milliseconds, 0 for no call. */
  public double averageResponseTimeMs() {
    return callCount == 0 ? 0 : (double) responseTimeSumMs / callCount;
  }

  /**
   * Percent of calls that succeeded, rounded to two decimals (the seed's convention); 0 for no
   * call.
   */
  public double successRatePercent() {
    if (callCount == 0) {
      return 0;
    }
    return Math.round(successCount() * 10_000.0 / callCount) / 100.0;
  }

  /** Percent of calls that failed, rounded to two decimals; 0 for no call. */
  public double errorRatePercent() {
    if (callCount == 0) {
      return 0;
    }
    return Math.round(errorCount * 10_000.0 / callCount) / 100.0;
  }

  /** p50/p95/p99 from the histogram, clamped to the observed extremes. */
  public Percentiles percentiles() {
    if (callCount == 0 || latency.total() == 0) {
      return Percentiles.NONE;
    }
    return new Percentiles(
        clampedPercentile(0.50), clampedPercentile(0.95), clampedPercentile(0.99));
  }

  private int clampedPercentile(double p) {
    int estimate = latency.percentile(p).orElseThrow();
    return Math.max(minResponseTimeMs, Math.min(maxResponseTimeMs, estimate));
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
