package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_ERRORS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_SOURCES;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_TOOL_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_ERRORS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_SOURCES;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_TOOL_ROLLUP;

import dev.mcpusage.domain.latency.LatencyHistogram;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The columns of one rollup grain — hourly or daily — and of its source and error tables, so one
 * query serves both grains.
 *
 * @param <B> the bucket column's Java type
 */
record RollupGrain<B>(
    Table<?> rollup,
    Field<B> bucket,
    Field<String> server,
    Field<String> category,
    Field<String> tool,
    Field<String> client,
    Field<Long> calls,
    Field<Long> errors,
    Field<Long> responseTimeSum,
    Field<Integer> minResponseTime,
    Field<Integer> maxResponseTime,
    Field<OffsetDateTime> firstCall,
    Field<OffsetDateTime> lastCall,
    Field<Long> uniqueSessions,
    List<Field<Integer>> latencyBuckets,
    Sources sourceTable,
    Errors errorTable,
    Function<TimeWindow, Condition> inWindow,
    Function<B, Instant> bucketStart) {

  /** The columns of a per-source table. */
  record Sources(
      Table<?> table,
      Field<String> server,
      Field<String> category,
      Field<String> tool,
      Field<String> sourceId,
      Field<Long> calls,
      Field<Long> errors,
      Function<TimeWindow, Condition> inWindow) {

    /**
     * The rows of the window that pass the filter; a client filter cannot apply and matches none.
     */
    Condition rows(TimeWindow window, UsageFilter filter) {
      return inWindow
          .apply(window)
          .and(RollupQueries.matchingWithoutClient(filter, server, category, tool));
    }
  }

  /** The columns of a per-error-type table. */
  record Errors(
      Table<?> table,
      Field<String> server,
      Field<String> category,
      Field<String> tool,
      Field<String> errorType,
      Field<Long> calls,
      Field<OffsetDateTime> lastCall,
      Function<TimeWindow, Condition> inWindow) {

    /**
     * The rows of the window that pass the filter; a client filter cannot apply and matches none.
     */
    Condition rows(TimeWindow window, UsageFilter filter) {
      return inWindow
          .apply(window)
          .and(RollupQueries.matchingWithoutClient(filter, server, category, tool));
    }
  }

  private static final long ALMOST_A_DAY_NANOS = 86_399_999_999_999L;

  /** Per (hour, server, category, tool, client). */
  static final RollupGrain<OffsetDateTime> HOURLY = hourly();

  /** Per (day, server, category, tool, client). */
  static final RollupGrain<LocalDate> DAILY = daily();

  /** Per (hour, server, category, tool): no client column, a quarter of the rows. */
  static final RollupGrain<OffsetDateTime> HOURLY_TOOLS = hourlyTools();

  /** Per (day, server, category, tool). */
  static final RollupGrain<LocalDate> DAILY_TOOLS = dailyTools();

  /** The hourly rollup to read for the filter: per tool unless it filters by client. */
  static RollupGrain<OffsetDateTime> hourlyFor(UsageFilter filter) {
    return filter.clientType().isPresent() ? HOURLY : HOURLY_TOOLS;
  }

  /** The daily rollup to read for the filter: per tool unless it filters by client. */
  static RollupGrain<LocalDate> dailyFor(UsageFilter filter) {
    return filter.clientType().isPresent() ? DAILY : DAILY_TOOLS;
  }

  /**
   * The rollup rows of the window that pass the filter; a per-tool grain ({@code client} null)
   * serves only filters without a client.
   */
  Condition rows(TimeWindow window, UsageFilter filter) {
    if (client == null && filter.clientType().isPresent()) {
      throw new IllegalArgumentException("a per-tool rollup cannot filter by client");
    }
    return inWindow
        .apply(window)
        .and(RollupQueries.matching(filter, server, category, tool, client));
  }

  private static RollupGrain<OffsetDateTime> hourly() {
    var r = MCP_USAGE_HOURLY_ROLLUP;
    var so = MCP_USAGE_HOURLY_SOURCES;
    var er = MCP_USAGE_HOURLY_ERRORS;
    return new RollupGrain<>(
        r,
        r.HOUR_BUCKET,
        r.SERVER_NAME,
        r.TOOL_CATEGORY,
        r.TOOL_NAME,
        r.CLIENT_TYPE,
        r.CALL_COUNT,
        r.ERROR_COUNT,
        r.RESPONSE_TIME_SUM_MS,
        r.MIN_RESPONSE_TIME_MS,
        r.MAX_RESPONSE_TIME_MS,
        r.FIRST_CALL_AT,
        r.LAST_CALL_AT,
        r.UNIQUE_SESSIONS,
        latencyBuckets(r),
        new Sources(
            so,
            so.SERVER_NAME,
            so.TOOL_CATEGORY,
            so.TOOL_NAME,
            so.SOURCE_ID,
            so.CALL_COUNT,
            so.ERROR_COUNT,
            window -> hoursIn(so.HOUR_BUCKET, window)),
        new Errors(
            er,
            er.SERVER_NAME,
            er.TOOL_CATEGORY,
            er.TOOL_NAME,
            er.ERROR_TYPE,
            er.CALL_COUNT,
            er.LAST_CALL_AT,
            window -> hoursIn(er.HOUR_BUCKET, window)),
        window -> hoursIn(r.HOUR_BUCKET, window),
        OffsetDateTime::toInstant);
  }

  private static RollupGrain<LocalDate> daily() {
    var r = MCP_USAGE_DAILY_ROLLUP;
    var so = MCP_USAGE_DAILY_SOURCES;
    var er = MCP_USAGE_DAILY_ERRORS;
    return new RollupGrain<>(
        r,
        r.DATE_BUCKET,
        r.SERVER_NAME,
        r.TOOL_CATEGORY,
        r.TOOL_NAME,
        r.CLIENT_TYPE,
        r.CALL_COUNT,
        r.ERROR_COUNT,
        r.RESPONSE_TIME_SUM_MS,
        r.MIN_RESPONSE_TIME_MS,
        r.MAX_RESPONSE_TIME_MS,
        r.FIRST_CALL_AT,
        r.LAST_CALL_AT,
        r.UNIQUE_SESSIONS,
        latencyBuckets(r),
        new Sources(
            so,
            so.SERVER_NAME,
            so.TOOL_CATEGORY,
            so.TOOL_NAME,
            so.SOURCE_ID,
            so.CALL_COUNT,
            so.ERROR_COUNT,
            window -> daysIn(so.DATE_BUCKET, window)),
        new Errors(
            er,
            er.SERVER_NAME,
            er.TOOL_CATEGORY,
            er.TOOL_NAME,
            er.ERROR_TYPE,
            er.CALL_COUNT,
            er.LAST_CALL_AT,
            window -> daysIn(er.DATE_BUCKET, window)),
        window -> daysIn(r.DATE_BUCKET, window),
        day -> day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  private static RollupGrain<OffsetDateTime> hourlyTools() {
    var r = MCP_USAGE_HOURLY_TOOL_ROLLUP;
    return new RollupGrain<>(
        r,
        r.HOUR_BUCKET,
        r.SERVER_NAME,
        r.TOOL_CATEGORY,
        r.TOOL_NAME,
        null,
        r.CALL_COUNT,
        r.ERROR_COUNT,
        r.RESPONSE_TIME_SUM_MS,
        r.MIN_RESPONSE_TIME_MS,
        r.MAX_RESPONSE_TIME_MS,
        r.FIRST_CALL_AT,
        r.LAST_CALL_AT,
        r.UNIQUE_SESSIONS,
        latencyBuckets(r),
        HOURLY.sourceTable(),
        HOURLY.errorTable(),
        window -> hoursIn(r.HOUR_BUCKET, window),
        OffsetDateTime::toInstant);
  }

  private static RollupGrain<LocalDate> dailyTools() {
    var r = MCP_USAGE_DAILY_TOOL_ROLLUP;
    return new RollupGrain<>(
        r,
        r.DATE_BUCKET,
        r.SERVER_NAME,
        r.TOOL_CATEGORY,
        r.TOOL_NAME,
        null,
        r.CALL_COUNT,
        r.ERROR_COUNT,
        r.RESPONSE_TIME_SUM_MS,
        r.MIN_RESPONSE_TIME_MS,
        r.MAX_RESPONSE_TIME_MS,
        r.FIRST_CALL_AT,
        r.LAST_CALL_AT,
        r.UNIQUE_SESSIONS,
        latencyBuckets(r),
        DAILY.sourceTable(),
        DAILY.errorTable(),
        window -> daysIn(r.DATE_BUCKET, window),
        day -> day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /**
   * The histogram's columns, {@code latency_b01} onwards, one per bucket of the domain's histogram.
   */
  private static List<Field<Integer>> latencyBuckets(Table<?> rollup) {
    return IntStream.rangeClosed(1, LatencyHistogram.BUCKET_COUNT)
        .mapToObj(
            bucket ->
                Objects.requireNonNull(
                    rollup.field(String.format("latency_b%02d", bucket), Integer.class),
                    () -> rollup.getName() + " lacks the column of latency bucket " + bucket))
        .toList();
  }

  private static Condition hoursIn(Field<OffsetDateTime> bucket, TimeWindow window) {
    return bucket
        .ge(window.from().atOffset(ZoneOffset.UTC))
        .and(bucket.lt(window.to().atOffset(ZoneOffset.UTC)));
  }

  /** Days that start inside the window. */
  private static Condition daysIn(Field<LocalDate> bucket, TimeWindow window) {
    LocalDate first =
        LocalDate.ofInstant(window.from().plusNanos(ALMOST_A_DAY_NANOS), ZoneOffset.UTC);
    LocalDate afterLast =
        LocalDate.ofInstant(window.to().plusNanos(ALMOST_A_DAY_NANOS), ZoneOffset.UTC);
    return bucket.ge(first).and(bucket.lt(afterLast));
  }
}
