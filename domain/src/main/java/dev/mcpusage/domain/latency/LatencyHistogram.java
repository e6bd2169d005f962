package dev.mcpusage.domain.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Value: counts of response times in fixed buckets whose bounds grow by at most 20 %, so any
 * percentile read from it is within {@link #RELATIVE_ERROR} of the exact one.
 *
 * <p>The bounds are fixed for the life of the product: PostgreSQL keeps the same ones ({@code
 * mcp_usage_latency_bounds()}), so histograms from both merge by adding counts.
 */
public final class LatencyHistogram {

  /**
   * Largest relative error of a percentile estimate, for latencies up to {@link #EXACT_UP_TO_MS}.
   */
  public static final double RELATIVE_ERROR = 0.10;

  /** Latencies at or above this land in one overflow bucket (estimated by the observed maximum). */
  public static final int EXACT_UP_TO_MS = 3_600_000;

  private static final int[] LOWER_BOUNDS = computeLowerBounds();

  /** Number of buckets, the last being the overflow bucket. */
  public static final int BUCKET_COUNT = LOWER_BOUNDS.length;

  private static final LatencyHistogram EMPTY = new LatencyHistogram(new long[BUCKET_COUNT]);

  private final long[] counts;
  // kept because every percentile of every row of a read needs it
  private final long total;

  private LatencyHistogram(long[] counts) {
    this.counts = counts;
    long sum = 0;
    for (long count : counts) {
      sum += count;
    }
    this.total = sum;
  }

  /** The histogram with no observation. */
  public static LatencyHistogram empty() {
    return EMPTY;
  }

  /**
   * A histogram from per-bucket counts (as stored), which must have {@link #BUCKET_COUNT} entries.
   */
  public static LatencyHistogram ofCounts(long[] counts) {
    if (counts.length != BUCKET_COUNT) {
      throw new IllegalArgumentException(
          "a latency histogram has " + BUCKET_COUNT + " buckets, got " + counts.length);
    }
    for (long count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("bucket counts must be >= 0");
      }
    }
    return new LatencyHistogram(counts.clone());
  }

  /** A histogram holding one observation. */
  public static LatencyHistogram of(int responseTimeMs) {
    long[] counts = new long[BUCKET_COUNT];
    counts[bucketIndex(responseTimeMs)] = 1;
    return new LatencyHistogram(counts);
  }

  /** The lower bounds of all buckets, ascending, starting at 0. */
  public static List<Integer> lowerBounds() {
    List<Integer> bounds = new ArrayList<>(BUCKET_COUNT);
    for (int bound : LOWER_BOUNDS) {
      bounds.add(bound);
    }
    return List.copyOf(bounds);
  }

  /** Index (0-based) of the bucket holding {@code responseTimeMs}. */
  public static int bucketIndex(int responseTimeMs) {
    if (responseTimeMs < 0) {
      throw new IllegalArgumentException("response time must be >= 0, was " + responseTimeMs);
    }
    int found = Arrays.binarySearch(LOWER_BOUNDS, responseTimeMs);
    return found >= 0 ? found : -found - 2;
  }

  /** This histogram plus one observation. */
  public LatencyHistogram with(int responseTimeMs) {
    long[] sum = counts.clone();
    sum[bucketIndex(responseTimeMs)]++;
    return new LatencyHistogram(sum);
  }

  /** Bucket-wise sum; associative and commutative, with {@link #empty()} as identity. */
  public LatencyHistogram merge(LatencyHistogram other) {
    long[] sum = counts.clone();
    for (int i = 0; i < BUCKET_COUNT; i++) {
      sum[i] += other.counts[i];
    }
    return new LatencyHistogram(sum);
  }

  /** Total number of observations. */
  public long total() {
    return total;
  }

  /** Per-bucket counts, a copy. */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Estimate of the nearest-rank percentile {@code p} (0 &lt; p ≤ 1): the value standing for the
   * bucket that holds the rank, or empty for an empty histogram.
   */
  public java.util.OptionalInt percentile(double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile must be in (0, 1], was " + p);
    }
    long total = total();
    if (total == 0) {
      return java.util.OptionalInt.empty();
    }
    long rank = (long) Math.ceil(p * total);
    long seen = 0;
    for (int i = 0; i < BUCKET_COUNT; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return java.util.OptionalInt.of(representative(i));
      }
    }
    throw new IllegalStateException("rank beyond total");
  }

  /**
   * The value reported for bucket {@code index}: for integers lo..hi it is 2·lo·hi/(lo+hi), whose
   * relative distance to any value in the bucket is at most (hi−lo)/(hi+lo) &lt; 0.2/2.2.
   */
  static int representative(int index) {
    int lo = LOWER_BOUNDS[index];
    if (index == BUCKET_COUNT - 1) {
      return lo;
    }
    int hi = LOWER_BOUNDS[index + 1] - 1;
    if (lo == hi) {
      return lo;
    }
    return (int) Math.round(2.0 * lo * hi / (lo + hi));
  }

  private static int[] computeLowerBounds() {
    List<Integer> bounds = new ArrayList<>();
    int bound = 0;
    while (bound < EXACT_UP_TO_MS) {
      bounds.add(bound);
      // grow by at most 20 %, and by at least 1 so small latencies stay exact
      bound = Math.max(bound + 1, (int) Math.floor(bound * 1.2));
    }
    bounds.add(EXACT_UP_TO_MS);
    return bounds.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LatencyHistogram histogram && Arrays.equals(counts, histogram.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "LatencyHistogram[total=" + total() + "]";
  }
}
