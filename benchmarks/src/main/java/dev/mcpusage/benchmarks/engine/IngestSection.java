package dev.mcpusage.benchmarks.engine;

import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.domain.event.UsageEvent;
import java.util.List;
import java.util.Map;

/**
 * Engine benchmark section: ingest rates side by side on the table as loaded — our sink with and
 * without rollups, the COPY it is compared with, an unindexed COPY, and the seed's two ways.
 */
final class IngestSection {

  private static final String TRIGGER = "mcp_usage_rollup_after_insert";
  private static final String OFF_SERVER = "bench-rollups-off";

  /** Our 10,000-event batches in ms, with the rollup trigger and without it. */
  record BatchCosts(Samples withRollups, Samples withoutRollups) {}

  private final EngineOptions options;
  private final Report report;
  private final FreshTraffic traffic;

  IngestSection(EngineOptions options, Report report, FreshTraffic traffic) {
    this.options = options;
    this.report = report;
    this.traffic = traffic;
  }

  /** Measures every path, reports them, and returns our batch costs with and without rollups. */
  BatchCosts measure(PostgresConnectionPool pool, Database db) {
    PostgresUsageEventSink sink = new PostgresUsageEventSink(pool);
    Samples ours = new Samples();
    Samples oursBatchMs = new Samples();
    Samples sinkWithoutRollups = new Samples();
    Samples withoutRollupsBatchMs = new Samples();
    Samples copyWithoutRollups = new Samples();
    Samples pairedRatio = new Samples();
    Samples copyUnindexed = new Samples();
    Samples seedCopy = new Samples();
    Samples seedInsert = new Samples();
    Samples seedInsertP50 = new Samples();
    Samples seedInsertP99 = new Samples();
    db.execute("DROP TABLE IF EXISTS bench_unindexed");
    db.execute("CREATE TABLE bench_unindexed (LIKE " + EngineBenchmark.EVENTS + ")");
    int m = options.ingestEvents();
    for (int run = 0; run < options.runs(); run++) {
      // ours and the COPY it is compared with take turns batch by batch, so checkpoints and the
      // full-page writes after them fall on both alike (run one after the other, whichever ran
      // just after a checkpoint paid for most of them)
      List<List<UsageEvent>> rows = FreshTraffic.batches(traffic.lastTwoDays(m, "default"));
      List<List<UsageEvent>> direct = FreshTraffic.batches(traffic.lastTwoDays(m, OFF_SERVER));
      double oursMillis = 0;
      double copyMillis = 0;
      // the rollup trigger does not fire for this connection's COPY (a replica-mode session)
      db.execute("SET session_replication_role = replica");
      try {
        for (int i = 0; i < rows.size(); i++) {
          List<UsageEvent> batch = rows.get(i);
          long batchStart = System.nanoTime();
          sink.append(batch);
          double millis = (System.nanoTime() - batchStart) / 1e6;
          oursMillis += millis;
          oursBatchMs.add(millis * FreshTraffic.BATCH / batch.size());
          copyMillis += db.copy(EngineBenchmark.EVENTS, direct.get(i));
        }
      } finally {
        db.execute("RESET session_replication_role");
      }
      ours.add(m / (oursMillis / 1000));
      copyWithoutRollups.add(m / (copyMillis / 1000));
      pairedRatio.add(copyMillis / oursMillis);

      db.execute("ALTER TABLE " + EngineBenchmark.EVENTS + " DISABLE TRIGGER " + TRIGGER);
      try {
        List<UsageEvent> off = traffic.lastTwoDays(m, OFF_SERVER);
        long start = System.nanoTime();
        for (List<UsageEvent> batch : FreshTraffic.batches(off)) {
          long batchStart = System.nanoTime();
          sink.append(batch);
          withoutRollupsBatchMs.add(
              (System.nanoTime() - batchStart) / 1e6 * FreshTraffic.BATCH / batch.size());
        }
        sinkWithoutRollups.add(m / ((System.nanoTime() - start) / 1e9));
      } finally {
        db.execute("ALTER TABLE " + EngineBenchmark.EVENTS + " ENABLE TRIGGER " + TRIGGER);
      }

      double millis = 0;
      for (List<UsageEvent> batch : rows) {
        millis += db.copy("bench_unindexed", batch);
      }
      copyUnindexed.add(m / (millis / 1000));
      db.execute("TRUNCATE bench_unindexed");

      millis = 0;
      for (List<UsageEvent> batch : rows) {
        millis += db.copyWithoutServerName(SeedStyle.EVENTS, batch);
      }
      seedCopy.add(m / (millis / 1000));

      double[] single =
          db.insertOneByOne(
              SeedStyle.EVENTS, traffic.lastTwoDays(options.singleInserts(), "default"));
      Samples perEvent = new Samples();
      double total = 0;
      for (double each : single) {
        perEvent.add(each);
        total += each;
      }
      seedInsert.add(single.length / (total / 1000));
      seedInsertP50.add(perEvent.median());
      seedInsertP99.add(perEvent.percentile(0.99));
    }
    db.execute("DROP TABLE bench_unindexed");
    // the rows stored with the trigger off have no rollups: remove them again
    db.execute(
        "DELETE FROM " + EngineBenchmark.EVENTS + " WHERE server_name = '" + OFF_SERVER + "'");
    db.execute("VACUUM ANALYZE " + EngineBenchmark.EVENTS);

    Map<String, Object> ingest = report.section("ingest_events_per_second");
    ingest.put("ours_with_rollups", ours.summary());
    ingest.put("ours_sink_rollups_off", sinkWithoutRollups.summary());
    ingest.put("copy_same_table_rollups_off", copyWithoutRollups.summary());
    ingest.put("copy_unindexed_table", copyUnindexed.summary());
    ingest.put("seed_copy_indexed_table", seedCopy.summary());
    ingest.put("seed_insert_per_event", seedInsert.summary());
    ingest.put("seed_insert_p50_ms", seedInsertP50.summary());
    ingest.put("seed_insert_p99_ms", seedInsertP99.summary());
    ingest.put("ours_batch_ms", oursBatchMs.summary());
    ingest.put("ours_rollups_off_batch_ms", withoutRollupsBatchMs.summary());
    double ratio = pairedRatio.median();
    ingest.put("ours_vs_copy_rollups_off", Samples.round(ratio));
    ingest.put("ours_vs_copy_rollups_off_per_run", pairedRatio.summary());

    report.line("");
    report.line(
        String.format(
            "**Ingest** (%,d fresh events per run, batches of %,d, into the table as loaded):",
            m, FreshTraffic.BATCH));
    report.table("path", "events/s");
    report.row("ours: product sink, COPY + idempotent insert + rollups", ours.spread("%,.0f"));
    report.row("ours: product sink, rollup trigger disabled", sinkWithoutRollups.spread("%,.0f"));
    report.row(
        "COPY into the same table, rollup trigger not fired (batches taking turns with ours)",
        copyWithoutRollups.spread("%,.0f"));
    report.row(
        "COPY into an unindexed, unpartitioned copy (ceiling)", copyUnindexed.spread("%,.0f"));
    report.row("seed-style: COPY into its indexed table", seedCopy.spread("%,.0f"));
    report.row(
        String.format(
            "seed-style: one INSERT per event (p50 %s ms, p99 %s ms)",
            seedInsertP50.spread("%.2f"), seedInsertP99.spread("%.2f")),
        seedInsert.spread("%,.0f"));
    report.line("");
    report.line(
        String.format(
            "Ours with rollups / COPY into the same table without (median of the runs' paired"
                + " ratios): **%s**; / unindexed COPY: %.2f; / seed per-event INSERT: %.0f×.",
            pairedRatio.spread("%.2f"),
            ours.median() / copyUnindexed.median(),
            ours.median() / seedInsert.median()));
    return new BatchCosts(oursBatchMs, withoutRollupsBatchMs);
  }
}
