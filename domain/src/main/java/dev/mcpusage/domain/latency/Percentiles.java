package dev.mcpusage.domain.latency;

/**
 * Value: p50, p95 and p99 response times in milliseconds (estimates, see {@link LatencyHistogram}).
 */
public record Percentiles(int p50, int p95, int p99) {

  /** What an empty window reports. */
  public static final Percentiles NONE = new Percentiles(0, 0, 0);

  public Percentiles {
    if (p50 < 0 || p95 < p50 || p99 < p95) {
      throw new IllegalArgumentException(
          "percentiles must satisfy 0 <= p50 <= p95 <= p99, got " + p50 + ", " + p95 + ", " + p99);
    }
  }
}
