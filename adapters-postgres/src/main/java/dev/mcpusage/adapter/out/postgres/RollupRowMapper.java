package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.domain.latency.LatencyHistogram;
import dev.mcpusage.domain.stats.BucketStats;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Mapper: aggregated rollup columns to the domain's bucket statistics. */
final class RollupRowMapper {

  private RollupRowMapper() {}

  static BucketStats stats(
      long calls,
      long errors,
      long sumMs,
      Integer minMs,
      Integer maxMs,
      OffsetDateTime first,
      OffsetDateTime last,
      long[] histogram) {
    return new BucketStats(
        calls,
        errors,
        sumMs,
        minMs,
        maxMs,
        Optional.of(first.toInstant()),
        Optional.of(last.toInstant()),
        LatencyHistogram.ofCounts(histogram));
  }
}
