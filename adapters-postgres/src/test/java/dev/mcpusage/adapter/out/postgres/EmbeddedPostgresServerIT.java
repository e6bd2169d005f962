package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps its data across restarts and recovers what a killed process left. */
class EmbeddedPostgresServerIT {

  @TempDir Path dataDir;

  @Test
  void givenEventsStored_restart_keepsThem() {
    Instant t = Instant.parse("2026-03-10T12:00:00Z");
    runOnce(
        pool -> new PostgresUsageEventSink(pool).append(List.of(anEvent().timestamp(t).build())));

    long calls =
        runOnce(
            pool ->
                new PostgresUsageStatsReader(pool)
                    .toolTotals(new TimeWindow(t, t.plusSeconds(3600)), UsageFilter.NONE)
                    .get(0)
                    .stats()
                    .callCount());

    assertThat(calls).isEqualTo(1);
    assertThat(dataDir.resolve("embedded-postgres.properties")).doesNotExist();
  }

  @Test
  void givenStaleLockOfADeadProcess_start_recoversWithAMessage() throws Exception {
    runOnce(pool -> 0);
    Files.writeString(dataDir.resolve("pgdata/postmaster.pid"), "999999\n" + dataDir + "\n");
    List<String> notices = new ArrayList<>();

    PostgresConnectionPool pool =
        new PostgresConnectionPool(
            new EmbeddedPostgresServer(dataDir, notices::add, false), 2, true);
    pool.start();
    boolean empty = new PostgresUsageStatsReader(pool).isEmpty();
    pool.stop();

    assertThat(empty).isTrue();
    assertThat(notices)
        .singleElement()
        .asString()
        .contains("Recovered a stale embedded PostgreSQL lock");
  }

  private <T> T runOnce(java.util.function.Function<PostgresConnectionPool, T> work) {
    PostgresConnectionPool pool =
        new PostgresConnectionPool(
            new EmbeddedPostgresServer(dataDir, message -> {}, false), 2, true);
    pool.start();
    try {
      return work.apply(pool);
    } finally {
      pool.stop();
    }
  }
}
