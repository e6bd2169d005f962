package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.domain.stats.BucketStats;
import dev.mcpusage.domain.stats.ClientUsage;
import dev.mcpusage.domain.stats.ErrorCount;
import dev.mcpusage.domain.stats.SourceUsage;
import dev.mcpusage.domain.stats.ToolKey;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.window.TimeWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Adapter (PostgreSQL): reads the rollups. Whole days of a window come from the daily tables, the
 * hours around them from the hourly ones, so a read costs buckets, not events.
 */
public final class PostgresUsageStatsReader implements UsageStatsReader {

  private static final Comparator<ToolKey> TOOL_ORDER =
      Comparator.comparing(ToolKey::serverName)
          .thenComparing(ToolKey::toolCategory)
          .thenComparing(ToolKey::toolName);

  private final PostgresConnectionPool pool;
  private final RenderedReads reads = new RenderedReads();

  public PostgresUsageStatsReader(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public List<ToolStats> toolTotals(TimeWindow window, UsageFilter filter) {
    return pool.inTransaction(
        dsl -> {
          Map<ToolKey, BucketStats> totals = new LinkedHashMap<>();
          window
              .wholeDays()
              .ifPresent(
                  days ->
                      toolTotals(dsl, RollupGrain.dailyFor(filter), days, filter)
                          .forEach((k, v) -> totals.merge(k, v, BucketStats::merge)));
          reuseCachedPlans(dsl);
          for (TimeWindow hours : window.partialDays()) {
            toolTotals(dsl, RollupGrain.hourlyFor(filter), hours, filter)
                .forEach((k, v) -> totals.merge(k, v, BucketStats::merge));
          }
          return totals.entrySet().stream()
              .map(entry -> new ToolStats(entry.getKey(), entry.getValue()))
              .sorted(Comparator.comparing(ToolStats::tool, TOOL_ORDER))
              .toList();
        });
  }

  @Override
  public long uniqueSessions(TimeWindow window, UsageFilter filter) {
    // a session is a client's session: the per-client counts add up
    return pool.inTransaction(
        dsl ->
            SessionDays.perClient(dsl, window, filter).values().stream()
                .mapToLong(Long::longValue)
                .sum());
  }

  @Override
  public List<UsageRollup> hourly(TimeWindow window, UsageFilter filter) {
    return pool.inTransaction(dsl -> rollups(dsl, RollupGrain.hourlyFor(filter), window, filter));
  }

  @Override
  public List<UsageRollup> daily(TimeWindow window, UsageFilter filter) {
    return pool.inTransaction(dsl -> rollups(dsl, RollupGrain.dailyFor(filter), window, filter));
  }

  @Override
  public List<ClientUsage> clients(TimeWindow window, UsageFilter filter) {
    return pool.inTransaction(
        dsl -> {
          Map<String, BucketStats> stats = new LinkedHashMap<>();
          window
              .wholeDays()
              .ifPresent(
                  days ->
                      clientTotals(dsl, RollupGrain.DAILY, days, filter)
                          .forEach((k, v) -> stats.merge(k, v, BucketStats::merge)));
          Map<String, Long> sessions = new LinkedHashMap<>();
          SessionDays.perClient(dsl, window, filter)
              .forEach((stored, count) -> sessions.put(clientName(stored), count));
          reuseCachedPlans(dsl);
          for (TimeWindow hours : window.partialDays()) {
            clientTotals(dsl, RollupGrain.HOURLY, hours, filter)
                .forEach((k, v) -> stats.merge(k, v, BucketStats::merge));
          }
          return stats.entrySet().stream()
              .map(
                  entry ->
                      new ClientUsage(
                          entry.getKey(),
                          entry.getValue(),
                          sessions.getOrDefault(entry.getKey(), 0L)))
              .sorted(Comparator.comparing(ClientUsage::clientType))
              .toList();
        });
  }

  @Override
  public List<ErrorCount> errors(TimeWindow window, UsageFilter filter) {
    return pool.inTransaction(
        dsl -> {
          record ErrorKey(ToolKey tool, String errorType) {}
          Map<ErrorKey, ErrorCount> errors = new LinkedHashMap<>();
          List<RollupGrain.Errors> grains = new ArrayList<>();
          List<TimeWindow> windows = new ArrayList<>();
          for (TimeWindow hours : window.partialDays()) {
            grains.add(RollupGrain.HOURLY.errorTable());
            windows.add(hours);
          }
          window
              .wholeDays()
              .ifPresent(
                  days -> {
                    grains.add(RollupGrain.DAILY.errorTable());
                    windows.add(days);
                  });
          for (int i = 0; i < grains.size(); i++) {
            RollupGrain.Errors e = grains.get(i);
            dsl.select(
                    e.server(),
                    e.category(),
                    e.tool(),
                    e.errorType(),
                    sum(e.calls()),
                    max(e.lastCall()))
                .from(e.table())
                .where(e.rows(windows.get(i), filter))
                .groupBy(e.server(), e.category(), e.tool(), e.errorType())
                .fetch()
                .forEach(
                    row -> {
                      ToolKey tool = new ToolKey(row.value1(), row.value2(), row.value3());
                      ErrorCount count =
                          new ErrorCount(
                              tool,
                              row.value4(),
                              row.value5().longValueExact(),
                              row.value6().toInstant());
                      errors.merge(
                          new ErrorKey(tool, row.value4()),
                          count,
                          (a, b) ->
                              new ErrorCount(
                                  tool,
                                  a.errorType(),
                                  a.count() + b.count(),
                                  a.lastSeenAt().isAfter(b.lastSeenAt())
                                      ? a.lastSeenAt()
                                      : b.lastSeenAt()));
                    });
          }
          return List.copyOf(errors.values());
        });
  }

  @Override
  public List<SourceUsage> topSources(TimeWindow window, UsageFilter filter, int limit) {
    return pool.inTransaction(
        dsl -> {
          List<Select<Record3<String, Long, Long>>> parts = new ArrayList<>();
          for (TimeWindow hours : window.partialDays()) {
            parts.add(sourceCalls(RollupGrain.HOURLY.sourceTable(), hours, filter));
          }
          window
              .wholeDays()
              .ifPresent(
                  days -> parts.add(sourceCalls(RollupGrain.DAILY.sourceTable(), days, filter)));
          var rows = unionAll(parts).asTable("sources", "source_id", "calls", "errors");
          Field<String> source = rows.field("source_id", String.class);
          Field<java.math.BigDecimal> calls = sum(rows.field("calls", Long.class));
          return dsl.select(source, calls, sum(rows.field("errors", Long.class)))
              .from(rows)
              .groupBy(source)
              .orderBy(calls.desc(), source.asc())
              .limit(limit)
              .fetch(
                  row ->
                      new SourceUsage(
                          row.value1(),
                          row.value2().longValueExact(),
                          row.value3().longValueExact()));
        });
  }

  @Override
  public boolean isEmpty() {
    return pool.withDsl(dsl -> !dsl.fetchExists(ARCHON_MCP_USAGE_EVENTS));
  }

  private <B> List<UsageRollup> rollups(
      DSLContext dsl, RollupGrain<B> grain, TimeWindow window, UsageFilter filter) {
    Class<B> bucketType = grain.bucket().getType();
    return reads
        .read(
            dsl,
            "series of " + grain.rollup().getName(),
            grain.rows(window, filter),
            where -> {
              List<Field<?>> key =
                  List.of(grain.bucket(), grain.server(), grain.category(), grain.tool());
              List<Field<?>> select = new ArrayList<>(key);
              if (grain.client() == null) {
                // a per-tool rollup has one row per series point: read the rows as they are
                select.addAll(columns(grain));
                select.add(grain.uniqueSessions());
                return dsl.select(select).from(grain.rollup()).where(where);
              }
              // a session is a client's session: per-client distinct counts add up exactly
              select.addAll(aggregates(grain));
              select.add(total(grain.uniqueSessions()));
              return dsl.select(select).from(grain.rollup()).where(where).groupBy(key);
            },
            row ->
                new UsageRollup(
                    grain.bucketStart().apply(row.getObject(1, bucketType)),
                    new ToolKey(row.getString(2), row.getString(3), row.getString(4)),
                    RollupRowMapper.stats(row, 5),
                    row.getLong(5 + RollupRowMapper.COLUMNS)))
        .stream()
        .sorted(
            Comparator.comparing(UsageRollup::bucketStart)
                .thenComparing(UsageRollup::tool, TOOL_ORDER))
        .toList();
  }

  private Map<ToolKey, BucketStats> toolTotals(
      DSLContext dsl, RollupGrain<?> grain, TimeWindow window, UsageFilter filter) {
    Map<ToolKey, BucketStats> totals = new LinkedHashMap<>();
    reads
        .read(
            dsl,
            "tool totals of " + grain.rollup().getName(),
            grain.rows(window, filter),
            where -> {
              List<Field<?>> select =
                  new ArrayList<>(List.of(grain.server(), grain.category(), grain.tool()));
              select.addAll(aggregates(grain));
              return dsl.select(select)
                  .from(grain.rollup())
                  .where(where)
                  .groupBy(grain.server(), grain.category(), grain.tool());
            },
            row ->
                Map.entry(
                    new ToolKey(row.getString(1), row.getString(2), row.getString(3)),
                    RollupRowMapper.stats(row, 4)))
        .forEach(entry -> totals.put(entry.getKey(), entry.getValue()));
    return totals;
  }

  private Map<String, BucketStats> clientTotals(
      DSLContext dsl, RollupGrain<?> grain, TimeWindow window, UsageFilter filter) {
    Map<String, BucketStats> totals = new LinkedHashMap<>();
    reads
        .read(
            dsl,
            "client totals of " + grain.rollup().getName(),
            grain.rows(window, filter),
            where -> {
              List<Field<?>> select = new ArrayList<>(List.of(grain.client()));
              select.addAll(aggregates(grain));
              return dsl.select(select).from(grain.rollup()).where(where).groupBy(grain.client());
            },
            row -> Map.entry(clientName(row.getString(1)), RollupRowMapper.stats(row, 2)))
        .forEach(entry -> totals.put(entry.getKey(), entry.getValue()));
    return totals;
  }

  private static Select<Record3<String, Long, Long>> sourceCalls(
      RollupGrain.Sources sources, TimeWindow window, UsageFilter filter) {
    return DSL.select(sources.sourceId(), sources.calls(), sources.errors())
        .from(sources.table())
        .where(sources.rows(window, filter));
  }

  private static <R extends Record> Select<R> unionAll(List<Select<R>> parts) {
    Select<R> union = parts.get(0);
    for (Select<R> part : parts.subList(1, parts.size())) {
      union = union.unionAll(part);
    }
    return union;
  }

  /**
   * From here to the end of the transaction, statements run on one plan cached per connection
   * instead of one planned per window (the pool's default). Only for the hourly parts of a window
   * outside its whole days — under 48 hours, so one plan (an index range over the bucket) fits all
   * of them — whose ~90 aggregates took longer to plan each time (0.6 ms) than to run on 24 hours.
   */
  private static void reuseCachedPlans(DSLContext dsl) {
    dsl.execute("SET LOCAL plan_cache_mode = force_generic_plan");
  }

  /** The rollups store an unknown client as ''; the domain calls it "unknown". */
  private static String clientName(String stored) {
    return stored.isEmpty() ? ClientUsage.UNKNOWN : stored;
  }

  /**
   * The merged statistics columns, in the order {@link #stats} reads them: totals, then the
   * histogram.
   */
  private static List<Field<?>> aggregates(RollupGrain<?> grain) {
    List<Field<?>> fields =
        new ArrayList<>(
            List.of(
                total(grain.calls()),
                total(grain.errors()),
                total(grain.responseTimeSum()),
                min(grain.minResponseTime()),
                max(grain.maxResponseTime()),
                min(grain.firstCall()),
                max(grain.lastCall())));
    grain.latencyBuckets().forEach(bucket -> fields.add(total(bucket)));
    return fields;
  }

  /** The statistics columns of one stored row, in the order {@link #stats} reads them. */
  private static List<Field<?>> columns(RollupGrain<?> grain) {
    List<Field<?>> fields =
        new ArrayList<>(
            List.of(
                grain.calls(),
                grain.errors(),
                grain.responseTimeSum(),
                grain.minResponseTime(),
                grain.maxResponseTime(),
                grain.firstCall(),
                grain.lastCall()));
    fields.addAll(grain.latencyBuckets());
    return fields;
  }

  /**
   * sum() of a bigint is numeric in PostgreSQL; back to bigint so rows map to longs, not
   * BigDecimals.
   */
  private static Field<Long> total(Field<? extends Number> column) {
    return sum(column).cast(SQLDataType.BIGINT);
  }
}
