package dev.mcpusage.benchmarks.engine;

import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.application.demo.SeedShapedTraffic;
import java.time.Instant;
import java.util.Map;

/**
 * Engine benchmark setup: the N events loaded through the product's sink, the seed's design built
 * beside them from the same events, and the database settled before anything is measured.
 */
final class DataSet {

  private final EngineOptions options;
  private final Report report;

  DataSet(EngineOptions options, Report report) {
    this.options = options;
    this.report = report;
  }

  /** Loads, builds the seed's design, vacuums and checkpoints — each unless done before. */
  void prepare(PostgresConnectionPool pool, Database db) {
    load(pool, db);
    seedStyle(db);
    settle(db);
  }

  /** Loads the N events through the product's sink unless the data dir holds them already. */
  private void load(PostgresConnectionPool pool, Database db) {
    Map<String, Object> load = report.section("load");
    long present = db.longValue("SELECT count(*) FROM " + EngineBenchmark.EVENTS);
    if (present >= options.events()) {
      load.put("reused_events", present);
      report.line("");
      report.line(String.format("Data set reused: %,d events already loaded.", present));
      return;
    }
    PostgresUsageEventSink sink = new PostgresUsageEventSink(pool);
    SeedShapedTraffic traffic =
        SeedShapedTraffic.lastDays(42, Instant.now(), options.days(), options.events());
    long start = System.nanoTime();
    long loaded = 0;
    while (traffic.hasNext()) {
      loaded += sink.append(traffic.nextBatch(FreshTraffic.BATCH)).inserted();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    load.put("events", loaded);
    load.put("seconds", Samples.round(seconds));
    load.put("events_per_second", Math.round(loaded / seconds));
    report.line("");
    report.line(
        String.format(
            "Initial load through the product's sink (COPY + rollups, batches of %,d): %,d events"
                + " in %.0f s, %,.0f events/s.",
            FreshTraffic.BATCH, loaded, seconds, loaded / seconds));
  }

  /**
   * Vacuums every table and checkpoints before measuring: after a bulk load autovacuum works
   * through every day partition for minutes, on one of the two cores, in the middle of whatever
   * section runs then. A table that has held its rows for a while has been vacuumed long since.
   */
  private void settle(Database db) {
    double millis = db.timed("VACUUM (ANALYZE)") + db.timed("CHECKPOINT");
    report.section("load").put("vacuum_and_checkpoint_before_measuring_ms", Samples.round(millis));
    report.line(
        String.format(
            "Before measuring: `VACUUM (ANALYZE)` of the database and a `CHECKPOINT` (%.1f s), so"
                + " the sections do not run beside autovacuum catching up on the load.",
            millis / 1000));
  }

  /** Builds the seed's table and views in schema `seed` from the same events. */
  private void seedStyle(Database db) {
    Map<String, Object> seedStyle = report.section("seed_style_setup");
    if (db.longValue("SELECT count(*) FROM pg_matviews WHERE schemaname = 'seed'") == 2
        && db.longValue("SELECT count(*) FROM " + SeedStyle.EVENTS) >= options.events()) {
      seedStyle.put("reused_events", db.longValue("SELECT count(*) FROM " + SeedStyle.EVENTS));
      report.line("Seed-style schema reused from an earlier run of this data dir.");
      return;
    }
    db.execute(SeedStyle.schema());
    double copyMs =
        db.timed(
            "INSERT INTO "
                + SeedStyle.EVENTS
                + " (id, \"timestamp\", tool_name, tool_category, session_id, client_type,"
                + " request_metadata, source_id, query_text, match_count, response_time_ms,"
                + " success, error_type) SELECT id, \"timestamp\", tool_name, tool_category,"
                + " session_id, client_type, request_metadata, source_id, query_text,"
                + " match_count, response_time_ms, success, error_type FROM "
                + EngineBenchmark.EVENTS);
    double viewsMs = db.timed(SeedStyle.views());
    db.execute("VACUUM ANALYZE " + SeedStyle.EVENTS);
    db.execute("ANALYZE");
    seedStyle.put("copy_ms", Samples.round(copyMs));
    seedStyle.put("create_views_ms", Samples.round(viewsMs));
  }
}
