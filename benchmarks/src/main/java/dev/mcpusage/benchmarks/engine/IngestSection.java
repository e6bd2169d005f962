package dev.mcpusage.benchmarks.engine;

import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.domain.event.UsageEvent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Engine benchmark section: ingest rates side by side on the table as loaded — our sink with and
 * without rollups, the COPY it is compared with, an unindexed COPY, and the seed's two ways — for
 * fresh events of two shapes in time (see {@link Shape}).
 */
final class IngestSection {

  private static final String TRIGGER = "mcp_usage_rollup_after_insert";
  private static final String OFF_SERVER = "bench-rollups-off";

  /**
   * How the fresh events are spread in time. A sustained stream is live: a service sending 50,000
   * events a second fills a 10,000-event batch in a fifth of a second, so a batch touches the
   * current hour's rollup rows. A backfill (an import, a journal replayed after an outage) spreads
   * a batch over hours, each with its own rollup rows: two days per 100,000 events, so a batch of
   * 10,000 spans ~5 hours in a short burst and in a long stream alike.
   */
  enum Shape {
    LIVE("live (events of the last hour)", Duration.ofHours(1), false, ""),
    BACKFILL(
        "backfill (events spread over two days per 100,000)",
        Duration.ofDays(2),
        true,
        "backfill_");

    private static final int SCALED_PER = 100_000;

    final String label;
    private final Duration span;
    private final boolean scalesWithEvents;
    final String jsonPrefix;

    Shape(String label, Duration span, boolean scalesWithEvents, String jsonPrefix) {
      this.label = label;
      this.span = span;
      this.scalesWithEvents = scalesWithEvents;
      this.jsonPrefix = jsonPrefix;
    }

    /** The time the given number of fresh events is spread over. */
    Duration span(int events) {
      return scalesWithEvents ? span.multipliedBy(events).dividedBy(SCALED_PER) : span;
    }
  }

  /** Our 10,000-event batches in ms, with the rollup trigger and without it. */
  record BatchCosts(Samples withRollups, Samples withoutRollups) {}

  /** One shape's figures over the runs. */
  private static final class ShapeSamples {
    final Samples ours = new Samples();
    final Samples oursBatchMs = new Samples();
    final Samples copyWithoutRollups = new Samples();
    final Samples pairedRatio = new Samples();
    final Samples sinkWithoutRollups = new Samples();
    final Samples withoutRollupsBatchMs = new Samples();
  }

  private final EngineOptions options;
  private final Report report;
  private final FreshTraffic traffic;

  IngestSection(EngineOptions options, Report report, FreshTraffic traffic) {
    this.options = options;
    this.report = report;
    this.traffic = traffic;
  }

  /**
   * Measures every path, reports them, and returns our batch costs with and without rollups for
   * backfill-shaped events (the dearer shape, as the aggregates section has always used).
   */
  BatchCosts measure(PostgresConnectionPool pool, Database db) {
    PostgresUsageEventSink sink = new PostgresUsageEventSink(pool);
    Map<Shape, ShapeSamples> shapes = new EnumMap<>(Shape.class);
    for (Shape shape : Shape.values()) {
      shapes.put(shape, new ShapeSamples());
    }
    Samples copyUnindexed = new Samples();
    Samples seedCopy = new Samples();
    Samples seedInsert = new Samples();
    Samples seedInsertP50 = new Samples();
    Samples seedInsertP99 = new Samples();
    db.execute("DROP TABLE IF EXISTS bench_unindexed");
    db.execute("CREATE TABLE bench_unindexed (LIKE " + EngineBenchmark.EVENTS + ")");
    int m = options.ingestEvents();
    for (int run = 0; run < options.runs(); run++) {
      for (Shape shape : Shape.values()) {
        paired(sink, db, shape, shapes.get(shape));
        withoutTrigger(sink, db, shape, shapes.get(shape));
      }

      List<List<UsageEvent>> rows =
          FreshTraffic.batches(
              traffic.recent(Shape.LIVE.span(m), m, "default"), options.ingestBatch());
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
              SeedStyle.EVENTS,
              traffic.recent(
                  Shape.LIVE.span(options.singleInserts()), options.singleInserts(), "default"));
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
    ingest.put("batch_events", options.ingestBatch());
    ingest.put("live_events_span_minutes", Shape.LIVE.span(m).toMinutes());
    ingest.put("backfill_events_span_hours", Shape.BACKFILL.span(m).toHours());
    for (Shape shape : Shape.values()) {
      ShapeSamples samples = shapes.get(shape);
      ingest.put(shape.jsonPrefix + "ours_with_rollups", samples.ours.summary());
      ingest.put(shape.jsonPrefix + "ours_sink_rollups_off", samples.sinkWithoutRollups.summary());
      ingest.put(
          shape.jsonPrefix + "copy_same_table_rollups_off", samples.copyWithoutRollups.summary());
      ingest.put(shape.jsonPrefix + "ours_batch_ms", samples.oursBatchMs.summary());
      ingest.put(
          shape.jsonPrefix + "ours_rollups_off_batch_ms", samples.withoutRollupsBatchMs.summary());
      ingest.put(
          shape.jsonPrefix + "ours_vs_copy_rollups_off",
          Samples.round(samples.pairedRatio.median()));
      ingest.put(
          shape.jsonPrefix + "ours_vs_copy_rollups_off_per_run", samples.pairedRatio.summary());
    }
    ingest.put("copy_unindexed_table", copyUnindexed.summary());
    ingest.put("seed_copy_indexed_table", seedCopy.summary());
    ingest.put("seed_insert_per_event", seedInsert.summary());
    ingest.put("seed_insert_p50_ms", seedInsertP50.summary());
    ingest.put("seed_insert_p99_ms", seedInsertP99.summary());

    ShapeSamples live = shapes.get(Shape.LIVE);
    report.line("");
    report.line(
        String.format(
            "**Ingest** (%,d fresh events per run and shape, batches of %,d, into the table as"
                + " loaded):",
            m, options.ingestBatch()));
    report.table("path", "events/s");
    for (Shape shape : Shape.values()) {
      ShapeSamples samples = shapes.get(shape);
      report.row(
          "ours, " + shape.label + ": product sink, COPY + rollups", samples.ours.spread("%,.0f"));
      report.row(
          "ours, " + shape.label + ": product sink, rollup trigger disabled",
          samples.sinkWithoutRollups.spread("%,.0f"));
      report.row(
          "COPY of the "
              + shape.name().toLowerCase(Locale.ROOT)
              + " events into the same table,"
              + " rollup trigger not fired (batches taking turns with ours)",
          samples.copyWithoutRollups.spread("%,.0f"));
    }
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
                + " ratios): live **%s**, backfill %s; live / unindexed COPY: %.2f; / seed"
                + " per-event INSERT: %.0f×.",
            live.pairedRatio.spread("%.2f"),
            shapes.get(Shape.BACKFILL).pairedRatio.spread("%.2f"),
            live.ours.median() / copyUnindexed.median(),
            live.ours.median() / seedInsert.median()));
    ShapeSamples backfill = shapes.get(Shape.BACKFILL);
    return new BatchCosts(backfill.oursBatchMs, backfill.withoutRollupsBatchMs);
  }

  /**
   * Our sink and the COPY it is compared with, taking turns batch by batch, so checkpoints and the
   * full-page writes after them fall on both alike (run one after the other, whichever ran just
   * after a checkpoint paid for most of them). Batch {@code i} of both sides covers the same
   * minutes, so their rows land on the same pages of the events' indexes, and the side that writes
   * first reads those pages into shared buffers for the other: the sides take turns going first.
   */
  private void paired(PostgresUsageEventSink sink, Database db, Shape shape, ShapeSamples samples) {
    int m = options.ingestEvents();
    List<List<UsageEvent>> rows =
        FreshTraffic.batches(traffic.recent(shape.span(m), m, "default"), options.ingestBatch());
    List<List<UsageEvent>> direct =
        FreshTraffic.batches(traffic.recent(shape.span(m), m, OFF_SERVER), options.ingestBatch());
    double oursMillis = 0;
    double copyMillis = 0;
    // the rollup trigger does not fire for this connection's COPY (a replica-mode session)
    db.execute("SET session_replication_role = replica");
    try {
      for (int i = 0; i < rows.size(); i++) {
        boolean oursFirst = i % 2 == 0;
        if (!oursFirst) {
          copyMillis += db.copy(EngineBenchmark.EVENTS, direct.get(i));
        }
        List<UsageEvent> batch = rows.get(i);
        long batchStart = System.nanoTime();
        sink.append(batch);
        double millis = (System.nanoTime() - batchStart) / 1e6;
        oursMillis += millis;
        samples.oursBatchMs.add(millis * options.ingestBatch() / batch.size());
        if (oursFirst) {
          copyMillis += db.copy(EngineBenchmark.EVENTS, direct.get(i));
        }
      }
    } finally {
      db.execute("RESET session_replication_role");
    }
    samples.ours.add(m / (oursMillis / 1000));
    samples.copyWithoutRollups.add(m / (copyMillis / 1000));
    samples.pairedRatio.add(copyMillis / oursMillis);
  }

  /** Our sink with the rollup trigger disabled: what the rollups cost it. */
  private void withoutTrigger(
      PostgresUsageEventSink sink, Database db, Shape shape, ShapeSamples samples) {
    int m = options.ingestEvents();
    db.execute("ALTER TABLE " + EngineBenchmark.EVENTS + " DISABLE TRIGGER " + TRIGGER);
    try {
      List<UsageEvent> off = traffic.recent(shape.span(m), m, OFF_SERVER);
      long start = System.nanoTime();
      for (List<UsageEvent> batch : FreshTraffic.batches(off, options.ingestBatch())) {
        long batchStart = System.nanoTime();
        sink.append(batch);
        samples.withoutRollupsBatchMs.add(
            (System.nanoTime() - batchStart) / 1e6 * options.ingestBatch() / batch.size());
      }
      samples.sinkWithoutRollups.add(m / ((System.nanoTime() - start) / 1e9));
    } finally {
      db.execute("ALTER TABLE " + EngineBenchmark.EVENTS + " ENABLE TRIGGER " + TRIGGER);
    }
  }
}
