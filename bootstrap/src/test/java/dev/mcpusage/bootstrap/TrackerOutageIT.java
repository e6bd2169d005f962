package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.DebianPostgres15;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.application.port.in.TrackerStatistics;
import dev.mcpusage.application.tracker.TrackerSettings;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.bootstrap.journal.FileEventJournal;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for 30 s under a steady call load and comes back: every call made arrives
 * exactly once — in the events and in the rollups — via retries, the file journal and its replay.
 */
class TrackerOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void givenTheDatabaseDown30sUnderLoad_everyEventArrivesExactlyOnce() throws Exception {
    DebianPostgres15 postgres = DebianPostgres15.dedicated();
    UsageTracker tracker =
        new UsageTracker(
            new PostgresUsageEventSink(postgres.pool()),
            new FileEventJournal(dataDir, 256L * 1024 * 1024),
            ClockSkewPolicy.standard(),
            PrivacyPolicy.standard(),
            Clock.systemUTC(),
            new TrackerSettings(
                65_536,
                200,
                200,
                Duration.ofMillis(100),
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                500,
                Duration.ofSeconds(10)));
    AtomicLong made = new AtomicLong();
    AtomicBoolean calling = new AtomicBoolean(true);
    Thread load =
        new Thread(
            () -> {
              while (calling.get()) {
                boolean taken =
                    tracker.track(
                        UsageEvent.builder()
                            .timestamp(Instant.now())
                            .serverName("outage-test")
                            .toolName("tool-" + made.get() % 7)
                            .toolCategory("rag")
                            .sessionId("session-" + made.get() / 100)
                            .responseTimeMs(12));
                assertThat(taken).isTrue();
                made.incrementAndGet();
                sleepMillis(10);
              }
            },
            "steady-load");
    load.start();

    sleepMillis(5_000);
    postgres.stopServer();
    sleepMillis(OUTAGE.toMillis());
    TrackerStatistics duringOutage = tracker.statistics();
    postgres.startServer();
    sleepMillis(5_000);
    calling.set(false);
    load.join();
    awaitStatistics(tracker, s -> s.backlog() == 0, Duration.ofSeconds(60));
    assertThat(tracker.close(Duration.ofSeconds(30))).isTrue();

    TrackerStatistics after = tracker.statistics();
    assertThat(duringOutage.storeHealthy()).isFalse();
    assertThat(duringOutage.spooled()).isPositive();
    assertThat(after.retried()).isPositive();
    assertThat(after.replayed()).isEqualTo(after.spooled());
    assertThat(after.dropped()).isZero();
    assertThat(after.rejected()).isZero();
    assertThat(after.accepted()).isEqualTo(made.get());
    assertThat(after.written() + after.duplicates()).isEqualTo(made.get());
    try (Connection connection =
            DriverManager.getConnection(postgres.address().jdbcUrl(), "postgres", "");
        Statement statement = connection.createStatement()) {
      assertThat(
              single(
                  statement,
                  "select count(*) from archon_mcp_usage_events where server_name = 'outage-test'"))
          .isEqualTo(made.get());
      assertThat(
              single(
                  statement,
                  "select count(distinct id) from archon_mcp_usage_events"
                      + " where server_name = 'outage-test'"))
          .isEqualTo(made.get());
      assertThat(
              single(
                  statement,
                  "select coalesce(sum(call_count), 0) from archon_mcp_usage_hourly"
                      + " where server_name = 'outage-test'"))
          .isEqualTo(made.get());
    }
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void awaitStatistics(
      UsageTracker tracker, Predicate<TrackerStatistics> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(tracker.statistics())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the tracker never caught up: " + tracker.statistics());
      }
      sleepMillis(100);
    }
  }

  private static void sleepMillis(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
