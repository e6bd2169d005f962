package dev.mcpusage.benchmarks;

import dev.mcpusage.adapter.out.postgres.EmbeddedPostgresServer;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.application.demo.SeedShapedTraffic;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Benchmark setup: loads N seed-shaped events spread over D days into the embedded PostgreSQL of a
 * data dir, through the product's own sink (COPY + rollups in the same transaction), and prints the
 * rate. Arguments: data dir, events, days.
 */
public final class LoadSyntheticEvents {

  private static final int BATCH = 10_000;

  private LoadSyntheticEvents() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    long events = Long.parseLong(args[1]);
    int days = Integer.parseInt(args[2]);
    PostgresConnectionPool pool =
        new PostgresConnectionPool(new EmbeddedPostgresServer(dataDir, message -> {}), 2, true);
    pool.start();
    try {
      PostgresUsageEventSink sink = new PostgresUsageEventSink(pool);
      SeedShapedTraffic traffic = SeedShapedTraffic.lastDays(42, Instant.now(), days, events);
      long start = System.nanoTime();
      long loaded = 0;
      long reportAt = 1_000_000;
      while (traffic.hasNext()) {
        loaded += sink.append(traffic.nextBatch(BATCH)).inserted();
        if (loaded >= reportAt) {
          report(loaded, start);
          reportAt += 1_000_000;
        }
      }
      report(loaded, start);
    } finally {
      pool.stop();
    }
  }

  private static void report(long loaded, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "loaded %,d events in %.1f s (%,.0f events/s)%n", loaded, seconds, loaded / seconds);
  }
}
