package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link McpUsage}: a service records its own calls and reads them back, as a library. */
class McpUsageIT {

  @TempDir static Path databaseDir;
  @TempDir Path dataDir;
  private static PostgresConnectionPool database;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.start(databaseDir, false);
  }

  @AfterAll
  static void stopDatabase() {
    database.stop();
  }

  @Test
  void givenADatabaseUrl_trackedCalls_areStoredByClose_andReadBackByTheNextStart() {
    Map<String, String> settings =
        Map.of("db.url", database.address().jdbcUrl(), "data.dir", dataDir.toString());
    TrackUsage tracker;
    try (McpUsage usage = McpUsage.start(settings)) {
      tracker = usage.tracker();
      for (int i = 0; i < 3; i++) {
        usage
            .tracker()
            .track(
                UsageEvent.builder()
                    .timestamp(Instant.now())
                    .serverName("embedded-service")
                    .toolName("search")
                    .toolCategory("rag")
                    .sessionId("s-" + i)
                    .responseTimeMs(10 + i));
      }
    }

    UsageSummary summary;
    try (McpUsage usage = McpUsage.start(settings)) {
      summary =
          usage
              .queries()
              .summary(
                  new PeriodQuery(
                      1,
                      new UsageFilter(
                          Optional.of("embedded-service"),
                          Optional.empty(),
                          Optional.empty(),
                          Optional.empty())));
    }
    assertThat(summary.totalCalls()).isEqualTo(3);
    // written at the first try: the scheduler migrating the fresh database made the tracker wait
    assertThat(tracker.statistics().written()).isEqualTo(3);
    assertThat(tracker.statistics().retried()).isZero();
    // the scheduled maintenance ran as in serve: the week ahead has its day partitions
    assertThat(
            query(
                "SELECT count(*) FROM pg_inherits"
                    + " WHERE inhparent = 'archon_mcp_usage_events'::regclass"
                    + " AND inhrelid::regclass::text > 'archon_mcp_usage_events_p'"
                    + " || to_char(current_date + 6, 'YYYYMMDD')"))
        .isEqualTo("1");
    assertThat(summary.uniqueSessions()).isEqualTo(3);
    assertThat(summary.mostUsedTool()).contains("search");
  }

  @Test
  void givenACentralServer_queries_sayToAskItsApi_andNoLocalDatabaseIsStarted() {
    McpUsage usage =
        McpUsage.start(
            Map.of(
                "send.to", "http://127.0.0.1:1",
                "send.token", "a-writer-token",
                "data.dir", dataDir.toString()));
    try {
      assertThatThrownBy(usage::queries)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("http://127.0.0.1:1 (send.to)");
    } finally {
      usage.close();
    }
    assertThat(Files.exists(dataDir.resolve("pgdata"))).isFalse();
  }

  private static String query(String sql) {
    try (Connection connection =
            DriverManager.getConnection(
                database.address().jdbcUrl(), database.address().user(), "");
        ResultSet result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void givenAnInvalidSetting_start_namesIt() {
    assertThatThrownBy(() -> McpUsage.start(Map.of("db.url", "postgres://db/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("db.url must start with jdbc:postgresql://");
  }
}
