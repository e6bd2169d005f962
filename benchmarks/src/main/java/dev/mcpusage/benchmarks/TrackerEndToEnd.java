package dev.mcpusage.benchmarks;

import dev.mcpusage.adapter.out.postgres.EmbeddedPostgresServer;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.application.demo.SeedShapedTraffic;
import dev.mcpusage.application.inmemory.InMemoryEventJournal;
import dev.mcpusage.application.port.in.TrackerStatistics;
import dev.mcpusage.application.tracker.TrackerSettings;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark (end to end, embedded PostgreSQL): (1) the caller-thread cost of {@code track()} with
 * the real PostgreSQL sink attached, at a steady paced rate, beside {@code
 * ConcurrentLinkedQueue.offer} paced the same way; (2) ingest rate of N events through the tracker
 * (COPY + rollups) against psql's {@code \copy} of the same rows into an unindexed copy of the
 * table. Arguments: data dir, calls/s, seconds, N, and optionally the tracker's largest batch
 * (default 10,000, the product's; 1,000 writes every batch at the batch size).
 */
public final class TrackerEndToEnd {

  private TrackerEndToEnd() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int events = Integer.parseInt(args[3]);
    int largestBatch = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, message -> {});
    PostgresConnectionPool pool = new PostgresConnectionPool(server, 4, true);
    pool.start();
    try {
      callerLatency(pool, rate, seconds, largestBatch);
      ingestRate(pool, events, dataDir, largestBatch);
    } finally {
      pool.stop();
    }
  }

  private static void callerLatency(
      PostgresConnectionPool pool, int rate, int seconds, int largestBatch) {
    UsageTracker tracker = tracker(pool, 65_536, largestBatch);
    tracker.start();
    ConcurrentLinkedQueue<UsageEvent> reference = new ConcurrentLinkedQueue<>();
    paced(rate, 5, event -> tracker.track(event), reference);
    long[] tracked = paced(rate, seconds, event -> tracker.track(event), reference);
    long[] offered = paced(rate, seconds, reference::offer, reference);
    tracker.close(Duration.ofSeconds(60));
    TrackerStatistics stats = tracker.statistics();
    System.out.printf(
        "caller latency at %,d calls/s for %d s, real PostgreSQL sink attached (ns):%n",
        rate, seconds);
    System.out.println("  " + percentiles("tracker.track()          ", tracked));
    System.out.println("  " + percentiles("ConcurrentLinkedQueue.offer", offered));
    System.out.printf(
        "  tracker: accepted %,d, written %,d, duplicates %,d, dropped %,d, rejected %,d%n",
        stats.accepted(), stats.written(), stats.duplicates(), stats.dropped(), stats.rejected());
  }

  private static long[] paced(
      int rate,
      int seconds,
      java.util.function.Predicate<UsageEvent> call,
      ConcurrentLinkedQueue<UsageEvent> reference) {
    int calls = rate * seconds;
    long[] nanos = new long[calls];
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long next = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      UsageEvent event = event(i);
      long start = System.nanoTime();
      call.test(event);
      nanos[i] = System.nanoTime() - start;
      reference.poll();
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 100_000) {
        LockSupport.parkNanos(wait - 50_000);
      }
      while (System.nanoTime() < next) {
        Thread.onSpinWait();
      }
    }
    return nanos;
  }

  private static void ingestRate(
      PostgresConnectionPool pool, int count, Path dataDir, int largestBatch)
      throws IOException, InterruptedException {
    SeedShapedTraffic traffic = SeedShapedTraffic.lastDays(7, Instant.now(), 3, count);
    List<UsageEvent> rows = new ArrayList<>(count);
    while (traffic.hasNext()) {
      rows.addAll(traffic.nextBatch(10_000));
    }
    Path file = dataDir.resolve("bench-rows.tsv");
    writeText(rows, file);
    String url = pool.address().jdbcUrl();
    String port = url.replaceAll(".*://[^:]+:(\\d+)/.*", "$1");
    psql(
        port,
        "DROP TABLE IF EXISTS bench_raw_copy;"
            + " CREATE TABLE bench_raw_copy (LIKE archon_mcp_usage_events INCLUDING DEFAULTS);");
    long copyStart = System.nanoTime();
    psql(
        port,
        "\\copy bench_raw_copy (id, timestamp, server_name, tool_name, tool_category, session_id,"
            + " client_type, request_metadata, source_id, query_text, match_count,"
            + " response_time_ms, success, error_type) from '"
            + file
            + "'");
    double copySeconds = (System.nanoTime() - copyStart) / 1e9;
    psql(port, "DROP TABLE bench_raw_copy;");

    UsageTracker tracker = tracker(pool, count + 1, largestBatch);
    tracker.start();
    long start = System.nanoTime();
    for (UsageEvent row : rows) {
      tracker.track(row);
    }
    while (tracker.statistics().written() + tracker.statistics().duplicates() < count) {
      TimeUnit.MILLISECONDS.sleep(5);
    }
    double trackerSeconds = (System.nanoTime() - start) / 1e9;
    tracker.close(Duration.ofSeconds(60));
    System.out.printf("ingest of %,d seed-shaped events (3 days):%n", count);
    System.out.printf(
        "  via the tracker (COPY + rollups in the same transaction): %.1f s, %,.0f events/s"
            + " (written %,d, duplicates %,d, %,d writes of %,.0f events on average)%n",
        trackerSeconds,
        count / trackerSeconds,
        tracker.statistics().written(),
        tracker.statistics().duplicates(),
        tracker.statistics().writes(),
        (double) count / tracker.statistics().writes());
    System.out.printf(
        "  psql \\copy into an unindexed copy of the table (no rollups): %.1f s, %,.0f events/s%n",
        copySeconds, count / copySeconds);
    System.out.printf("  tracker / raw copy: %.2f%n", copySeconds / trackerSeconds);
  }

  private static UsageTracker tracker(
      PostgresConnectionPool pool, int queueCapacity, int largestBatch) {
    return new UsageTracker(
        new PostgresUsageEventSink(pool),
        new InMemoryEventJournal(10_000_000),
        ClockSkewPolicy.standard(),
        PrivacyPolicy.standard(),
        Clock.systemUTC(),
        // the product's batching: 1,000 or 200 ms, up to largestBatch per write once behind
        new TrackerSettings(
            queueCapacity,
            1_000,
            largestBatch,
            Duration.ofMillis(200),
            Duration.ofMillis(250),
            Duration.ofSeconds(5),
            100_000,
            Duration.ofMinutes(10)));
  }

  private static UsageEvent event(int i) {
    return BenchmarkEvents.searchCall("session-" + i / 50);
  }

  private static String percentiles(String name, long[] nanos) {
    Latencies latencies = new Latencies(nanos);
    return String.format(
        "%s p50 %,6d  p90 %,6d  p99 %,7d  p99.9 %,9d  max %,11d",
        name,
        latencies.at(0.50),
        latencies.at(0.90),
        latencies.at(0.99),
        latencies.at(0.999),
        latencies.max());
  }

  private static void writeText(List<UsageEvent> rows, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (UsageEvent e : rows) {
        out.write(
            String.join(
                "\t",
                e.id().toString(),
                e.timestamp().toString(),
                text(e.serverName()),
                text(e.toolName()),
                text(e.toolCategory()),
                optional(e.sessionId()),
                optional(e.clientType()),
                e.requestMetadata().isEmpty() ? "{}" : "{\"demo\": true}",
                optional(e.sourceId()),
                optional(e.queryText()),
                e.matchCount().map(String::valueOf).orElse("\\N"),
                Integer.toString(e.responseTimeMs()),
                Boolean.toString(e.success()),
                optional(e.errorType())));
        out.write('\n');
      }
    }
  }

  private static String optional(Optional<String> value) {
    return value.map(TrackerEndToEnd::text).orElse("\\N");
  }

  private static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  private static void psql(String port, String sql) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "/usr/lib/postgresql/15/bin/psql",
                "-h",
                "127.0.0.1",
                "-p",
                port,
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
                "-q",
                "-c",
                sql)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + output);
    }
  }
}
