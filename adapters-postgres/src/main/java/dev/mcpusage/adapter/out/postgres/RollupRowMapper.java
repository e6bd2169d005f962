package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.domain.latency.LatencyHistogram;
import dev.mcpusage.domain.stats.BucketStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Mapper: rollup statistics columns (totals, extremes, first and last call, then one column per
 * histogram bucket) to the domain's bucket statistics. Rows are read straight from JDBC (see {@link
 * RenderedReads}): building jOOQ records of ~90 values cost more than the query on a week of hourly
 * rows.
 */
final class RollupRowMapper {

  /** How many columns {@link #stats} reads. */
  static final int COLUMNS = 7 + LatencyHistogram.BUCKET_COUNT;

  private RollupRowMapper() {}

  /** One row of the result, read by column index. */
  interface Row<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** The statistics in the columns from {@code first} (1-based). */
  static BucketStats stats(ResultSet row, int first) throws SQLException {
    long[] histogram = new long[LatencyHistogram.BUCKET_COUNT];
    for (int i = 0; i < histogram.length; i++) {
      histogram[i] = row.getLong(first + 7 + i);
    }
    return new BucketStats(
        row.getLong(first),
        row.getLong(first + 1),
        row.getLong(first + 2),
        row.getInt(first + 3),
        row.getInt(first + 4),
        Optional.of(row.getObject(first + 5, OffsetDateTime.class).toInstant()),
        Optional.of(row.getObject(first + 6, OffsetDateTime.class).toInstant()),
        LatencyHistogram.ofCounts(histogram));
  }
}
