package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.adapter.out.postgres.DebianPostgres15;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code schedule install-pg-cron} against a real pg_cron (Debian's postgresql-15-cron): the jobs
 * are registered once however often it runs, pg_cron runs them (an expired event goes), and {@code
 * remove-pg-cron} takes them away again.
 */
class PgCronScheduleIT {

  private static DebianPostgres15 postgres;
  private static DatabaseAddress address;

  @BeforeAll
  static void startPgCronServer() throws SQLException {
    postgres =
        DebianPostgres15.dedicated(
            "-c shared_preload_libraries=pg_cron -c cron.database_name=postgres"
                + " -c cron.use_background_workers=on -c max_worker_processes=16");
    address = postgres.address();
    execute("CREATE EXTENSION IF NOT EXISTS pg_cron");
  }

  @AfterAll
  static void stopPgCronServer() {
    postgres.pool().stop();
    postgres.stopServer();
  }

  @Test
  void installPgCron_registersTheJobsOnce_pgCronRunsThem_andRemoveTakesThemAway() throws Exception {
    execute(
        "INSERT INTO archon_mcp_usage_events"
            + " (timestamp, server_name, tool_name, tool_category, response_time_ms) VALUES"
            + " (now() - interval '200 days', 'pg-cron-test', 'old_tool', 'cat', 5),"
            + " (now() - interval '1 hour', 'pg-cron-test', 'new_tool', 'cat', 5)");

    McpUsageProcess.Result first = schedule("install-pg-cron");
    McpUsageProcess.Result second = schedule("install-pg-cron");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("mcp-usage-cleanup", "15 3 * * *", "cleanup_mcp_usage_events()")
        .contains("mcp-usage-partitions", "5 * * * *");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(query("SELECT jobname || ' ' || schedule || ' ' || command FROM cron.job"))
        .containsExactlyInAnyOrder(
            "mcp-usage-cleanup 15 3 * * * SELECT cleanup_mcp_usage_events()",
            "mcp-usage-partitions 5 * * * * SELECT mcp_usage_ensure_partitions(current_date,"
                + " current_date + 7)");

    // pg_cron's smallest schedule is a minute: run both jobs at the next ones and watch them
    // finish (on a loaded CI machine a tick can pass before the changed schedule is picked up)
    execute("SELECT cron.alter_job(jobid, schedule := '* * * * *') FROM cron.job");
    awaitSucceeded(List.of("mcp-usage-cleanup", "mcp-usage-partitions"), Duration.ofSeconds(300));
    assertThat(
            query(
                "SELECT tool_name FROM archon_mcp_usage_events WHERE server_name = 'pg-cron-test'"))
        .containsExactly("new_tool");

    McpUsageProcess.Result removed = schedule("remove-pg-cron");
    McpUsageProcess.Result removedAgain = schedule("remove-pg-cron");

    assertThat(removed.exitCode()).as(removed.toString()).isZero();
    assertThat(removed.out()).contains("mcp-usage-cleanup", "mcp-usage-partitions");
    assertThat(removedAgain.exitCode()).as(removedAgain.toString()).isZero();
    assertThat(removedAgain.out()).doesNotContain("mcp-usage-cleanup");
    assertThat(query("SELECT jobname FROM cron.job")).isEmpty();
  }

  private static McpUsageProcess.Result schedule(String action) {
    return McpUsageProcess.run("--db-url", address.jdbcUrl(), "schedule", action);
  }

  private static void awaitSucceeded(List<String> jobs, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String sql =
        "SELECT DISTINCT j.jobname FROM cron.job_run_details d JOIN cron.job j USING (jobid)"
            + " WHERE d.status = 'succeeded'";
    while (!query(sql).containsAll(jobs)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "pg_cron did not run "
                + jobs
                + " within "
                + timeout
                + "; runs: "
                + query(
                    "SELECT j.jobname || ' ' || d.status || ' ' || coalesce(d.return_message, '')"
                        + " FROM cron.job_run_details d JOIN cron.job j USING (jobid)"));
      }
      Thread.sleep(1_000);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> query(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(address.jdbcUrl(), address.user(), "");
  }
}
