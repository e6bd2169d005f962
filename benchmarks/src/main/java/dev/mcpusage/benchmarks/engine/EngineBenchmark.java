package dev.mcpusage.benchmarks.engine;

import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.adapter.out.postgres.EmbeddedPostgresServer;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryEventJournal;
import dev.mcpusage.application.tracker.TrackerSettings;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark harness: the product's storage engine beside the seed's design (materialized views
 * refreshed in full, one INSERT per event, retention by DELETE) on one PostgreSQL, at N events.
 * Measures ingest, freshness, the cost of keeping aggregates current, query latency, retention and
 * disk per event; writes JSON and Markdown. See BENCHMARKS.md for the command.
 */
public final class EngineBenchmark {

  static final String EVENTS = "archon_mcp_usage_events";
  private static final String TOOL = "rag_search_knowledge_base";
  private static final int BATCH = FreshTraffic.BATCH;

  private final EngineOptions options;
  private final Report report = new Report();
  private final FreshTraffic traffic = new FreshTraffic();
  private IngestSection.BatchCosts batchCosts;

  private EngineBenchmark(EngineOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    EngineOptions options = EngineOptions.parse(args);
    new EngineBenchmark(options).run();
  }

  private void run() throws Exception {
    PostgresConnectionPool pool =
        new PostgresConnectionPool(
            new EmbeddedPostgresServer(options.dataDir(), message -> {}), 2, true);
    pool.start();
    DatabaseAddress address = pool.address();
    try (Connection connection =
        DriverManager.getConnection(
            address.jdbcUrl(), address.user(), address.password().orElse(null))) {
      Database db = new Database(connection);
      MachineDescription.describe(db, options, report);
      new DataSet(options, report).prepare(pool, db);
      if (options.measures("ingest")) {
        batchCosts = new IngestSection(options, report, traffic).measure(pool, db);
      }
      if (options.measures("aggregates")) {
        aggregates(db);
      }
      if (options.measures("freshness") || options.measures("queries")) {
        try (ProductServer product = ProductServer.start(options.productJar(), address)) {
          if (options.measures("freshness")) {
            freshness(pool, product);
          }
          if (options.measures("queries")) {
            queries(db, product);
          }
        }
      }
      if (options.measures("retention")) {
        retention(pool, db);
      }
      if (options.measures("disk")) {
        disk(db);
      }
    } finally {
      pool.stop();
    }
    String name = "engine-" + options.events();
    report.write(options.out().resolve(name + ".json"), options.out().resolve(name + ".md"));
    System.out.println("wrote " + options.out().resolve(name + ".json") + " and .md");
  }

  /** Keeping the aggregates current after 10,000 new events. */
  private void aggregates(Database db) {
    Samples refresh = new Samples();
    for (int run = 0; run < options.runs(); run++) {
      List<UsageEvent> rows = traffic.lastTwoDays(BATCH, "default");
      db.copyWithoutServerName(SeedStyle.EVENTS, rows);
      refresh.add(db.timed(SeedStyle.REFRESH));
    }
    double incremental =
        Math.max(0.001, batchCosts.withRollups().median() - batchCosts.withoutRollups().median());
    Map<String, Object> aggregates = report.section("aggregates_after_10000_events_ms");
    aggregates.put("seed_refresh_concurrently_both_views", refresh.summary());
    aggregates.put("ours_whole_insert_transaction", batchCosts.withRollups().summary());
    aggregates.put("ours_rollup_share", Samples.round(incremental));
    aggregates.put(
        "ratio_seed_refresh_to_ours_whole",
        Samples.round(refresh.median() / batchCosts.withRollups().median()));
    aggregates.put(
        "ratio_seed_refresh_to_ours_rollups", Samples.round(refresh.median() / incremental));
    report.line("");
    report.line("**Keeping aggregates current after 10,000 new events** (ms):");
    report.table("design", "ms");
    report.row(
        "seed-style: REFRESH MATERIALIZED VIEW CONCURRENTLY hourly + daily",
        refresh.spread("%,.0f"));
    report.row(
        "ours: the whole insert transaction of the 10,000 events (COPY + rollups)",
        batchCosts.withRollups().spread("%,.1f"));
    report.row(
        "ours: its rollup share (with − without the trigger)", String.format("%,.1f", incremental));
    report.line("");
    report.line(
        String.format(
            "Seed refresh / our whole insert: **%.0f×**; / our rollup share: %.0f×.",
            refresh.median() / batchCosts.withRollups().median(), refresh.median() / incremental));
  }

  /** Time from record() on the tracker to the event counted by the HTTP summary. */
  private void freshness(PostgresConnectionPool pool, ProductServer product) throws Exception {
    Samples visible = new Samples();
    UsageTracker tracker =
        new UsageTracker(
            new PostgresUsageEventSink(pool),
            new InMemoryEventJournal(100_000),
            ClockSkewPolicy.standard(),
            PrivacyPolicy.standard(),
            Clock.systemUTC(),
            TrackerSettings.standard());
    tracker.start();
    try {
      for (int run = 0; run < Math.max(5, options.runs() * 3); run++) {
        String server = "fresh-" + run + "-" + System.nanoTime();
        String path = "/api/mcp/analytics/summary?hours=1&server_name=" + server;
        long start = System.nanoTime();
        tracker.track(
            UsageEvent.builder()
                .timestamp(Instant.now())
                .serverName(server)
                .toolName(TOOL)
                .toolCategory("rag")
                .sessionId("fresh")
                .responseTimeMs(42));
        while (!product.body(path).contains("\"total_calls\":1")) {
          if (System.nanoTime() - start > 60_000_000_000L) {
            throw new IllegalStateException("event not visible after 60 s: " + path);
          }
          Thread.sleep(2);
        }
        visible.add((System.nanoTime() - start) / 1e6);
      }
    } finally {
      tracker.close();
    }
    Map<String, Object> freshness = report.section("freshness_ms");
    freshness.put("ours_record_to_summary", visible.summary());
    freshness.put("seed_refresh_interval", 15 * 60 * 1000);
    report.line("");
    report.line(
        String.format(
            "**Freshness**: record() on the tracker (defaults: a batch at 1,000 events or after"
                + " 200 ms) to the event counted by `GET /summary`: **%s ms**; seed: up to"
                + " 15 min (its refresh interval) plus the refresh above.",
            visible.spread("%,.0f")));
  }

  /** Query latency, ours through the HTTP API, the seed's as SQL over its table and views. */
  private void queries(Database db, ProductServer product) throws Exception {
    Map<String, Object> queries = report.section("queries_ms");
    report.line("");
    report.line(
        String.format(
            "**Queries** (one client; ours: full HTTP request to `mcp-usage serve`, no ETag, after"
                + " %.0f s of warm-up over all questions; seed: the same question as SQL over its"
                + " table or views, rows read over JDBC):",
            options.queryWarmupSeconds()));
    report.table("question", "ours p50", "ours p95", "seed p50", "seed p95", "seed / ours (p50)");
    // a server that has been answering for a while, not one whose JIT is still compiling: every
    // question in turn for the warm-up time (a freshly started server answered summary(24h) with
    // a p95 of 17.7 ms after one second of warm-up, 5.4 ms once warm)
    List<String> paths =
        SeedStyle.questions(TOOL).values().stream().map(question -> question[0]).toList();
    long warm = System.nanoTime() + (long) (options.queryWarmupSeconds() * 1e9);
    while (System.nanoTime() < warm) {
      for (String path : paths) {
        product.get(path);
      }
    }
    for (Map.Entry<String, String[]> question : SeedStyle.questions(TOOL).entrySet()) {
      String path = question.getValue()[0];
      String sql = question.getValue()[1];
      Samples ours = new Samples();
      Samples seedStyle = new Samples();
      warmUp(() -> product.get(path));
      for (int run = 0; run < options.runs(); run++) {
        repeat(ours, () -> product.get(path), 10);
        repeat(seedStyle, () -> db.timedQuery(sql), 1);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("ours_path", path);
      entry.put("ours_p50", Samples.round(ours.median()));
      entry.put("ours_p95", Samples.round(ours.percentile(0.95)));
      entry.put("ours_requests", ours.count());
      entry.put("seed_sql", sql.strip());
      entry.put("seed_p50", Samples.round(seedStyle.median()));
      entry.put("seed_p95", Samples.round(seedStyle.percentile(0.95)));
      entry.put("seed_executions", seedStyle.count());
      queries.put(question.getKey(), entry);
      report.row(
          question.getKey(),
          String.format("%.1f", ours.median()),
          String.format("%.1f", ours.percentile(0.95)),
          String.format("%,.1f", seedStyle.median()),
          String.format("%,.1f", seedStyle.percentile(0.95)),
          ratio(seedStyle.median() / ours.median()));
    }
  }

  /** A ratio as "26×", or with two decimals where it is below 10 ("0.13×"). */
  private static String ratio(double value) {
    return value < 10 ? String.format("%.2f×", value) : String.format("%,.0f×", value);
  }

  private interface Timed {
    double run() throws Exception;
  }

  private void warmUp(Timed timed) throws Exception {
    long end = System.nanoTime() + 1_000_000_000L;
    do {
      timed.run();
    } while (System.nanoTime() < end);
  }

  /** Runs for query-seconds, at least {@code minimum} times. */
  private void repeat(Samples samples, Timed timed, int minimum) throws Exception {
    long end = System.nanoTime() + (long) (options.querySeconds() * 1e9);
    int done = 0;
    while (done < minimum || System.nanoTime() < end) {
      samples.add(timed.run());
      done++;
    }
  }

  /**
   * Expiring one day: a day older than the retention is added to both designs, then removed, ours
   * by the product's retention functions (detach the day's partition, then drop it in a second
   * transaction, then trim its aggregates in a third), the seed's by its DELETE.
   */
  private void retention(PostgresConnectionPool pool, Database db) {
    PostgresUsageEventSink sink = new PostgresUsageEventSink(pool);
    int perDay = (int) Math.max(1_000, options.events() / options.days());
    Samples ours = new Samples();
    Samples oursDrop = new Samples();
    Samples oursTrim = new Samples();
    Samples seedDelete = new Samples();
    Samples oursFreed = new Samples();
    Samples seedFreed = new Samples();
    for (int run = 0; run < options.runs(); run++) {
      LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(options.days() + 10 + run);
      Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = from.plus(Duration.ofDays(1));
      List<UsageEvent> rows = traffic.between(from, to, perDay);
      for (List<UsageEvent> batch : FreshTraffic.batches(rows, BATCH)) {
        sink.append(batch);
        db.copyWithoutServerName(SeedStyle.EVENTS, batch);
      }
      db.execute("VACUUM ANALYZE " + SeedStyle.EVENTS);
      long oursBefore = oursBytes(db);
      long seedBefore = seedBytes(db);
      ours.add(db.timed("SELECT * FROM mcp_usage_remove_events_before('" + to + "')"));
      oursDrop.add(db.timed("SELECT mcp_usage_drop_expired_days()"));
      oursTrim.add(
          db.timed(
              "SELECT mcp_usage_trim_aggregates_before('"
                  + LocalDate.ofInstant(to, ZoneOffset.UTC)
                  + "')"));
      seedDelete.add(
          db.timed("DELETE FROM " + SeedStyle.EVENTS + " WHERE \"timestamp\" < '" + to + "'"));
      db.execute("VACUUM " + SeedStyle.EVENTS);
      oursFreed.add(oursBefore - oursBytes(db));
      seedFreed.add(seedBefore - seedBytes(db));
    }
    Map<String, Object> retention = report.section("retention_one_day");
    retention.put("events_per_day", perDay);
    retention.put("ours_ms", ours.summary());
    retention.put("ours_drop_expired_ms", oursDrop.summary());
    retention.put("ours_trim_aggregates_ms", oursTrim.summary());
    retention.put("seed_delete_ms", seedDelete.summary());
    retention.put("ours_bytes_returned", oursFreed.summary());
    retention.put("seed_bytes_returned_after_vacuum", seedFreed.summary());
    report.line("");
    report.line(String.format("**Expiring one day** (%,d events):", perDay));
    report.table("design", "ms", "disk returned (MB)");
    report.row(
        "ours: detach the day's partition (its events gone; the events table locked meanwhile)",
        ours.spread("%,.1f"),
        "");
    report.row(
        "ours, next transaction: drop the detached day (its files; locks only them)",
        oursDrop.spread("%,.1f"),
        String.format("%,.1f", oursFreed.median() / 1e6));
    report.row(
        "ours, next transaction: delete the day's aggregates",
        oursTrim.spread("%,.1f"),
        "(counted above)");
    report.row(
        "seed-style: DELETE, then VACUUM",
        seedDelete.spread("%,.1f"),
        String.format("%,.1f", seedFreed.median() / 1e6));
  }

  private static final String OUR_RELATIONS =
      "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
          + " AND c.relkind IN ('r', 'm')"
          + " AND (c.relname LIKE 'archon_mcp_usage_events%' OR c.relname LIKE 'mcp_usage_%')";

  private static long oursBytes(Database db) {
    return db.longValue(OUR_RELATIONS);
  }

  private static long seedBytes(Database db) {
    return db.longValue(
        "SELECT pg_total_relation_size('seed.archon_mcp_usage_events')"
            + " + pg_total_relation_size('seed.archon_mcp_usage_hourly')"
            + " + pg_total_relation_size('seed.archon_mcp_usage_daily')");
  }

  /** Disk bytes per event, everything included. */
  private void disk(Database db) {
    db.execute("REFRESH MATERIALIZED VIEW seed.archon_mcp_usage_hourly");
    db.execute("REFRESH MATERIALIZED VIEW seed.archon_mcp_usage_daily");
    long ourEvents = db.longValue("SELECT count(*) FROM " + EVENTS);
    long seedEvents = db.longValue("SELECT count(*) FROM " + SeedStyle.EVENTS);
    long ourEventBytes =
        db.longValue(
            "SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('" + EVENTS + "')");
    long ours = oursBytes(db);
    long seedTotal = seedBytes(db);
    Map<String, Object> disk = report.section("disk_bytes_per_event");
    disk.put("ours_events", ourEvents);
    disk.put("ours_events_and_indexes", ourEventBytes / ourEvents);
    disk.put("ours_rollups", (ours - ourEventBytes) / ourEvents);
    disk.put("ours_total", ours / ourEvents);
    disk.put("seed_events", seedEvents);
    disk.put("seed_total", seedTotal / seedEvents);
    report.line("");
    report.line(
        String.format(
            "**Disk per event**: ours %,d bytes (events and indexes %,d, rollups and session sets"
                + " %,d); seed-style %,d bytes (table, indexes, both views).",
            ours / ourEvents,
            ourEventBytes / ourEvents,
            (ours - ourEventBytes) / ourEvents,
            seedTotal / seedEvents));
  }
}
