package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_SESSIONS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_SESSIONS;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import dev.mcpusage.adapter.out.postgres.jooq.Routines;
import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.domain.stats.BucketStats;
import dev.mcpusage.domain.stats.ToolKey;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Adapter (PostgreSQL): reads the rollups. Whole days of a window come from the daily tables, the
 * hours around them from the hourly ones, so a read costs buckets, not events.
 */
public final class PostgresUsageStatsReader implements UsageStatsReader {

  private static final Comparator<UsageRollup> ROW_ORDER =
      Comparator.comparing(UsageRollup::bucketStart)
          .thenComparing(row -> row.tool().serverName())
          .thenComparing(row -> row.tool().toolCategory())
          .thenComparing(row -> row.tool().toolName());

  private final PostgresConnectionPool pool;

  public PostgresUsageStatsReader(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public List<ToolStats> toolTotals(TimeWindow window, UsageFilter filter) {
    return pool.inTransaction(
        dsl -> {
          Map<ToolKey, BucketStats> totals = new LinkedHashMap<>();
          for (TimeWindow part : window.partialDays()) {
            hourlyToolTotals(dsl, part, filter).forEach((k, v) -> totals.merge(k, v, BucketStats::merge));
          }
          window.wholeDays()
              .ifPresent(days -> dailyToolTotals(dsl, days, filter).forEach((k, v) -> totals.merge(k, v, BucketStats::merge)));
          return totals.entrySet().stream()
              .map(entry -> new ToolStats(entry.getKey(), entry.getValue()))
              .sorted(Comparator.comparing((ToolStats t) -> t.tool().serverName())
                  .thenComparing(t -> t.tool().toolCategory())
                  .thenComparing(t -> t.tool().toolName()))
              .toList();
        });
  }

  @Override
  public long uniqueSessions(TimeWindow window, UsageFilter filter) {
    return pool.inTransaction(
        dsl -> {
          var hourly = MCP_USAGE_HOURLY_SESSIONS;
          var daily = MCP_USAGE_DAILY_SESSIONS;
          List<Select<Record1<String>>> parts = new ArrayList<>();
          for (TimeWindow part : window.partialDays()) {
            parts.add(
                DSL.select(hourly.SESSION_ID)
                    .from(hourly)
                    .where(hourInWindow(hourly.HOUR_BUCKET, part))
                    .and(RollupQueries.matching(filter, hourly.SERVER_NAME, hourly.TOOL_CATEGORY, hourly.TOOL_NAME, hourly.CLIENT_TYPE)));
          }
          window.wholeDays().ifPresent(days ->
              parts.add(
                  DSL.select(daily.SESSION_ID)
                      .from(daily)
                      .where(dayInWindow(daily.DATE_BUCKET, days))
                      .and(RollupQueries.matching(filter, daily.SERVER_NAME, daily.TOOL_CATEGORY, daily.TOOL_NAME, daily.CLIENT_TYPE))));
          Select<Record1<String>> union = parts.get(0);
          for (int i = 1; i < parts.size(); i++) {
            union = union.unionAll(parts.get(i));
          }
          var sessions = union.asTable("sessions", "session_id");
          return dsl.select(countDistinct(sessions.field("session_id"))).from(sessions).fetchOne(0, Long.class);
        });
  }

  @Override
  public List<UsageRollup> hourly(TimeWindow window, UsageFilter filter) {
    var r = MCP_USAGE_HOURLY_ROLLUP;
    var s = MCP_USAGE_HOURLY_SESSIONS;
    return pool.inTransaction(
        dsl -> {
          Map<RowKey, Long> sessions =
              dsl.select(s.HOUR_BUCKET, s.SERVER_NAME, s.TOOL_CATEGORY, s.TOOL_NAME, countDistinct(s.SESSION_ID))
                  .from(s)
                  .where(hourInWindow(s.HOUR_BUCKET, window))
                  .and(RollupQueries.matching(filter, s.SERVER_NAME, s.TOOL_CATEGORY, s.TOOL_NAME, s.CLIENT_TYPE))
                  .groupBy(s.HOUR_BUCKET, s.SERVER_NAME, s.TOOL_CATEGORY, s.TOOL_NAME)
                  .fetchMap(
                      row -> new RowKey(row.value1().toInstant(), new ToolKey(row.value2(), row.value3(), row.value4())),
                      row -> row.value5().longValue());
          return dsl.select(
                  r.HOUR_BUCKET, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME,
                  sum(r.CALL_COUNT), sum(r.ERROR_COUNT), sum(r.RESPONSE_TIME_SUM_MS),
                  min(r.MIN_RESPONSE_TIME_MS), max(r.MAX_RESPONSE_TIME_MS),
                  min(r.FIRST_CALL_AT), max(r.LAST_CALL_AT), Routines.mcpUsageHistogramSum(r.LATENCY_HISTOGRAM))
              .from(r)
              .where(hourInWindow(r.HOUR_BUCKET, window))
              .and(RollupQueries.matching(filter, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME, r.CLIENT_TYPE))
              .groupBy(r.HOUR_BUCKET, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME)
              .fetch(row -> {
                RowKey key = new RowKey(row.value1().toInstant(), new ToolKey(row.value2(), row.value3(), row.value4()));
                BucketStats stats = RollupRowMapper.stats(row.value5(), row.value6(), row.value7(), row.value8(),
                    row.value9(), row.value10(), row.value11(), row.value12());
                return new UsageRollup(key.bucket(), key.tool(), stats, sessions.getOrDefault(key, 0L));
              })
              .stream()
              .sorted(ROW_ORDER)
              .toList();
        });
  }

  @Override
  public List<UsageRollup> daily(TimeWindow window, UsageFilter filter) {
    var r = MCP_USAGE_DAILY_ROLLUP;
    var s = MCP_USAGE_DAILY_SESSIONS;
    return pool.inTransaction(
        dsl -> {
          Map<RowKey, Long> sessions =
              dsl.select(s.DATE_BUCKET, s.SERVER_NAME, s.TOOL_CATEGORY, s.TOOL_NAME, countDistinct(s.SESSION_ID))
                  .from(s)
                  .where(dayInWindow(s.DATE_BUCKET, window))
                  .and(RollupQueries.matching(filter, s.SERVER_NAME, s.TOOL_CATEGORY, s.TOOL_NAME, s.CLIENT_TYPE))
                  .groupBy(s.DATE_BUCKET, s.SERVER_NAME, s.TOOL_CATEGORY, s.TOOL_NAME)
                  .fetchMap(
                      row -> new RowKey(startOf(row.value1()), new ToolKey(row.value2(), row.value3(), row.value4())),
                      row -> row.value5().longValue());
          return dsl.select(
                  r.DATE_BUCKET, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME,
                  sum(r.CALL_COUNT), sum(r.ERROR_COUNT), sum(r.RESPONSE_TIME_SUM_MS),
                  min(r.MIN_RESPONSE_TIME_MS), max(r.MAX_RESPONSE_TIME_MS),
                  min(r.FIRST_CALL_AT), max(r.LAST_CALL_AT), Routines.mcpUsageHistogramSum(r.LATENCY_HISTOGRAM))
              .from(r)
              .where(dayInWindow(r.DATE_BUCKET, window))
              .and(RollupQueries.matching(filter, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME, r.CLIENT_TYPE))
              .groupBy(r.DATE_BUCKET, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME)
              .fetch(row -> {
                RowKey key = new RowKey(startOf(row.value1()), new ToolKey(row.value2(), row.value3(), row.value4()));
                BucketStats stats = RollupRowMapper.stats(row.value5(), row.value6(), row.value7(), row.value8(),
                    row.value9(), row.value10(), row.value11(), row.value12());
                return new UsageRollup(key.bucket(), key.tool(), stats, sessions.getOrDefault(key, 0L));
              })
              .stream()
              .sorted(ROW_ORDER)
              .toList();
        });
  }

  @Override
  public boolean isEmpty() {
    return pool.withDsl(dsl -> !dsl.fetchExists(ARCHON_MCP_USAGE_EVENTS));
  }

  private static Map<ToolKey, BucketStats> hourlyToolTotals(DSLContext dsl, TimeWindow window, UsageFilter filter) {
    var r = MCP_USAGE_HOURLY_ROLLUP;
    return dsl.select(
            r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME,
            sum(r.CALL_COUNT), sum(r.ERROR_COUNT), sum(r.RESPONSE_TIME_SUM_MS),
            min(r.MIN_RESPONSE_TIME_MS), max(r.MAX_RESPONSE_TIME_MS),
            min(r.FIRST_CALL_AT), max(r.LAST_CALL_AT), Routines.mcpUsageHistogramSum(r.LATENCY_HISTOGRAM))
        .from(r)
        .where(hourInWindow(r.HOUR_BUCKET, window))
        .and(RollupQueries.matching(filter, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME, r.CLIENT_TYPE))
        .groupBy(r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME)
        .fetchMap(
            row -> new ToolKey(row.value1(), row.value2(), row.value3()),
            row -> RollupRowMapper.stats(row.value4(), row.value5(), row.value6(), row.value7(), row.value8(),
                row.value9(), row.value10(), row.value11()));
  }

  private static Map<ToolKey, BucketStats> dailyToolTotals(DSLContext dsl, TimeWindow window, UsageFilter filter) {
    var r = MCP_USAGE_DAILY_ROLLUP;
    return dsl.select(
            r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME,
            sum(r.CALL_COUNT), sum(r.ERROR_COUNT), sum(r.RESPONSE_TIME_SUM_MS),
            min(r.MIN_RESPONSE_TIME_MS), max(r.MAX_RESPONSE_TIME_MS),
            min(r.FIRST_CALL_AT), max(r.LAST_CALL_AT), Routines.mcpUsageHistogramSum(r.LATENCY_HISTOGRAM))
        .from(r)
        .where(dayInWindow(r.DATE_BUCKET, window))
        .and(RollupQueries.matching(filter, r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME, r.CLIENT_TYPE))
        .groupBy(r.SERVER_NAME, r.TOOL_CATEGORY, r.TOOL_NAME)
        .fetchMap(
            row -> new ToolKey(row.value1(), row.value2(), row.value3()),
            row -> RollupRowMapper.stats(row.value4(), row.value5(), row.value6(), row.value7(), row.value8(),
                row.value9(), row.value10(), row.value11()));
  }

  private static Condition hourInWindow(org.jooq.Field<OffsetDateTime> bucket, TimeWindow window) {
    return bucket.ge(utc(window.from())).and(bucket.lt(utc(window.to())));
  }

  private static Condition dayInWindow(org.jooq.Field<LocalDate> bucket, TimeWindow window) {
    // a day belongs to the window when it starts inside it
    LocalDate first = LocalDate.ofInstant(window.from().plusNanos(86_399_999_999_999L), ZoneOffset.UTC);
    LocalDate afterLast = LocalDate.ofInstant(window.to().plusNanos(86_399_999_999_999L), ZoneOffset.UTC);
    return bucket.ge(first).and(bucket.lt(afterLast));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private record RowKey(Instant bucket, ToolKey tool) {}

}
