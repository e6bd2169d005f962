package dev.mcpusage.benchmarks;

import java.util.Arrays;

/** Measured latencies in nanoseconds, and their nearest-rank quantiles. */
final class Latencies {

  private final long[] sorted;

  Latencies(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  /** The nearest-rank quantile, e.g. 0.99 for p99. */
  long at(double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
  }

  long max() {
    return sorted[sorted.length - 1];
  }
}
