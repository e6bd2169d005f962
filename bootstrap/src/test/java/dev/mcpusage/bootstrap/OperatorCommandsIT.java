package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands, each run as a process against a real PostgreSQL given by --db-url. */
class OperatorCommandsIT {

  @TempDir static Path databaseDir;
  private static PostgresConnectionPool database;
  private static DatabaseAddress address;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.start(databaseDir, false);
    address = database.address();
  }

  @AfterAll
  static void stopDatabase() {
    database.stop();
  }

  @Test
  void migrate_thenVerify_passesAllChecks() {
    McpUsageProcess.Result migrate = McpUsageProcess.run("--db-url", address.jdbcUrl(), "migrate");
    McpUsageProcess.Result verify = McpUsageProcess.run("--db-url", address.jdbcUrl(), "verify");

    assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
    assertThat(migrate.out()).contains("Schema is at version 10");
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out())
        .contains(
            "PASS  table exists",
            "PASS  test insert",
            "PASS  computed buckets",
            "PASS  views queryable",
            "PASS  rollups current",
            "All 5 checks passed.");
  }

  @Test
  void givenABrokenView_verify_reportsFailAndExits1() throws Exception {
    McpUsageProcess.run("--db-url", address.jdbcUrl(), "migrate");
    execute("ALTER VIEW archon_mcp_usage_hourly RENAME TO archon_mcp_usage_hourly_broken");
    try {
      McpUsageProcess.Result verify = McpUsageProcess.run("--db-url", address.jdbcUrl(), "verify");

      assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
      assertThat(verify.out()).contains("FAIL  views queryable").contains("checks failed");
    } finally {
      execute("ALTER VIEW archon_mcp_usage_hourly_broken RENAME TO archon_mcp_usage_hourly");
    }
  }

  @Test
  void summary_json_equalsAnIndependentSqlCount() throws Exception {
    McpUsageProcess.run("--db-url", address.jdbcUrl(), "migrate");
    execute("SELECT mcp_usage_remove_events_before('9999-01-01')");
    execute("SELECT mcp_usage_trim_aggregates_before('9999-01-01')");
    execute(
        "INSERT INTO archon_mcp_usage_events (tool_name, tool_category, session_id, response_time_ms, success) "
            + "SELECT 'tool_' || (i % 3), 'cat', 's' || (i % 11), i % 500, i % 17 <> 0 FROM generate_series(1, 1000) i");

    McpUsageProcess.Result summary =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "summary", "--hours", "1", "--json");

    assertThat(summary.exitCode()).as(summary.toString()).isZero();
    assertThat(summary.out())
        .contains("\"total_calls\" : " + query("SELECT count(*) FROM archon_mcp_usage_events"))
        .contains(
            "\"failed_calls\" : "
                + query("SELECT count(*) FROM archon_mcp_usage_events WHERE NOT success"))
        .contains(
            "\"unique_sessions\" : "
                + query("SELECT count(DISTINCT session_id) FROM archon_mcp_usage_events"));
  }

  @Test
  void reports_andMaintenance_runAgainstTheDatabase() throws Exception {
    McpUsageProcess.run("--db-url", address.jdbcUrl(), "migrate");
    execute("SELECT mcp_usage_remove_events_before('9999-01-01')");
    execute("SELECT mcp_usage_trim_aggregates_before('9999-01-01')");
    execute(
        "INSERT INTO archon_mcp_usage_events (tool_name, tool_category, client_type, session_id,"
            + " source_id, response_time_ms, success, error_type) SELECT 'tool_' || (i % 2), 'cat',"
            + " 'client_' || (i % 3), 's' || (i % 5), 'src_' || (i % 4), i, i % 10 <> 0,"
            + " CASE WHEN i % 10 = 0 THEN 'TimeoutError' END FROM generate_series(1, 300) i");
    execute(
        "SELECT mcp_usage_ensure_partitions((now() AT TIME ZONE 'UTC')::date - 1,"
            + " (now() AT TIME ZONE 'UTC')::date + 1)");

    McpUsageProcess.Result tools =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "tools", "--json");
    McpUsageProcess.Result clients =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "clients", "--csv");
    McpUsageProcess.Result errors = McpUsageProcess.run("--db-url", address.jdbcUrl(), "errors");
    McpUsageProcess.Result sources =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "sources", "--limit", "2", "--json");
    McpUsageProcess.Result hourly =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "hourly", "--hours", "2", "--json");
    McpUsageProcess.Result daily =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "daily", "--days", "181");
    McpUsageProcess.Result refresh = McpUsageProcess.run("--db-url", address.jdbcUrl(), "refresh");
    McpUsageProcess.Result refreshWindow =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "refresh", "--since", "2d");
    McpUsageProcess.Result refreshBadWindow =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "refresh", "--since", "yesterday");
    McpUsageProcess.Result toolsAfterRefresh =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "tools", "--json");
    McpUsageProcess.Result dryRun =
        McpUsageProcess.run(
            "--db-url", address.jdbcUrl(), "cleanup", "--retention-days", "1", "--dry-run");
    McpUsageProcess.Result partitions =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "partitions");
    McpUsageProcess.Result cleanup =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "cleanup", "--retention-days", "30");

    assertThat(tools.out()).contains("\"tool_name\" : \"tool_0\"").contains("\"call_count\" : 150");
    assertThat(clients.out().lines()).first().isEqualTo("client,calls,sessions,errors,error %");
    assertThat(clients.out()).contains("client_0,100,");
    assertThat(errors.out()).contains("tool_0").contains("TimeoutError").contains("30");
    assertThat(sources.out()).contains("\"call_count\" : 75").contains("src_0").contains("src_1");
    assertThat(refresh.out()).contains("rebuilt from 300 events");
    assertThat(refreshWindow.out()).contains("(3 days) from 300 events");
    assertThat(refreshBadWindow.exitCode()).isEqualTo(2);
    assertThat(refreshBadWindow.err()).contains("--since must be").contains("'yesterday'");
    assertThat(toolsAfterRefresh.out()).isEqualTo(tools.out());
    assertThat(hourly.out())
        .contains("\"tool_name\" : \"tool_1\"")
        .contains("\"call_count\" : 150");
    assertThat(daily.exitCode()).isEqualTo(2);
    assertThat(daily.err()).contains("--days must be between 1 and 180, was 181");
    assertThat(dryRun.out()).contains("(1 day kept), dry run").contains("would remove 0 events");
    assertThat(partitions.out()).contains("300").contains("3 partitions, 300 events");
    assertThat(cleanup.exitCode()).as(cleanup.toString()).isZero();
    assertThat(cleanup.out()).contains("(30 days kept)").contains("removed 0 events");
  }

  @Test
  void demo_makesTheAskedNumberOfRecordedMcpCalls() throws Exception {
    McpUsageProcess.Result demo =
        McpUsageProcess.run(
            "--db-url", address.jdbcUrl(), "demo", "--calls", "40", "--pause-ms", "1");
    McpUsageProcess.Result summary =
        McpUsageProcess.run(
            "--db-url",
            address.jdbcUrl(),
            "summary",
            "--hours",
            "1",
            "--server",
            "mcp-usage-demo",
            "--json");

    assertThat(demo.exitCode()).as(demo.toString()).isZero();
    assertThat(demo.out()).contains("Made 40 calls");
    assertThat(summary.out()).contains("\"total_calls\" : 40");
  }

  @Test
  void givenAMistypedVariable_aCommand_saysSoAndRunsWithTheRest() throws Exception {
    Process summary =
        McpUsageProcess.start(
            Map.of("MCP_USAGE_DB_URI", "jdbc:postgresql://elsewhere/x"),
            "--db-url",
            address.jdbcUrl(),
            "summary",
            "--hours",
            "1");
    assertThat(summary.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = new String(summary.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String out = new String(summary.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(summary.exitValue()).as(err).isZero();
    assertThat(err)
        .contains(
            "mcp-usage: not a setting, ignored: MCP_USAGE_DB_URI (did you mean MCP_USAGE_DB_URL?)");
    assertThat(out).contains("Usage in the last 1 hour");
  }

  @Test
  void schedule_saysWhenPgCronIsMissing_andPrintsCrontabLines() {
    McpUsageProcess.Result pgCron =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "schedule", "install-pg-cron");
    McpUsageProcess.Result crontab =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "schedule", "print-crontab");
    McpUsageProcess.Result httpCrontab =
        McpUsageProcess.run(
            "--db-url",
            address.jdbcUrl(),
            "schedule",
            "print-crontab",
            "--http",
            "--url",
            "http://stats.internal:8181");

    assertThat(pgCron.exitCode()).as(pgCron.toString()).isEqualTo(1);
    assertThat(pgCron.err()).contains("pg_cron is not installed").contains("print-crontab");
    assertThat(crontab.exitCode()).isZero();
    assertThat(crontab.out()).contains("15 3 * * * mcp-usage cleanup");
    assertThat(httpCrontab.out())
        .containsPattern("curl -fsS -X POST -H 'Authorization: Bearer \\S+'")
        .contains("http://stats.internal:8181/api/mcp-analytics/cleanup");
  }

  @Test
  void givenSinceAndUntil_reports_countExactlyTheEventsOfThatWindow() throws Exception {
    McpUsageProcess.run("--db-url", address.jdbcUrl(), "migrate");
    execute(
        "INSERT INTO archon_mcp_usage_events"
            + " (timestamp, server_name, tool_name, tool_category, response_time_ms)"
            + " SELECT now() - i * interval '30 minutes', 'window-test', 'tool_' || (i % 2), 'cat', 5"
            + " FROM generate_series(2, 100) i");
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant since = hour.minus(30, ChronoUnit.HOURS);
    Instant until = hour.minus(6, ChronoUnit.HOURS);
    long expected =
        Long.parseLong(
            query(
                "SELECT count(*) FROM archon_mcp_usage_events WHERE server_name = 'window-test'"
                    + " AND timestamp >= '"
                    + since
                    + "' AND timestamp < '"
                    + until
                    + "'"));

    String[] window = {
      "--server", "window-test", "--since", since.toString(), "--until", until.toString()
    };
    McpUsageProcess.Result summary = report("summary", window, "--json");
    McpUsageProcess.Result summaryTable = report("summary", window);
    McpUsageProcess.Result tools = report("tools", window, "--csv");
    McpUsageProcess.Result both =
        McpUsageProcess.run(
            "--db-url", address.jdbcUrl(), "summary", "--hours", "5", "--since", "1d");

    assertThat(expected).isEqualTo(48);
    assertThat(summary.out()).contains("\"time_range_hours\" : 24", "\"total_calls\" : 48");
    assertThat(summaryTable.out())
        .startsWith("Usage from " + since.toString().replace("T", " ").replace("Z", "") + " until ")
        .contains("UTC (24 hours)")
        .doesNotContain("in the last");
    assertThat(summaryTable.out()).containsPattern("Success rate +100\\.00 %");
    assertThat(tools.out()).contains("window-test,tool_0,cat,24,", "window-test,tool_1,cat,24,");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("choose --hours or --since/--until");
  }

  @Test
  void givenNoCallInTheWindow_summary_showsDashesNotZeroRatesOrLatencies() {
    McpUsageProcess.Result summary =
        McpUsageProcess.run("--db-url", address.jdbcUrl(), "summary", "--server", "nobody-here");

    assertThat(summary.exitCode()).as(summary.toString()).isZero();
    assertThat(summary.out())
        .containsPattern("Total calls +0\\R")
        .containsPattern("Success rate +-\\R")
        .containsPattern("Avg response time +-\\R")
        .containsPattern("p50 / p95 / p99 +-\\R");
  }

  @Test
  void version_isTheProductsOnEveryCommand() {
    McpUsageProcess.Result root = McpUsageProcess.run("--version");
    McpUsageProcess.Result summary = McpUsageProcess.run("summary", "--version");
    McpUsageProcess.Result dbInfo = McpUsageProcess.run("db", "info", "--version");

    assertThat(root.exitCode()).isZero();
    assertThat(root.out()).startsWith("mcp-usage ");
    assertThat(summary.out()).isEqualTo(root.out());
    assertThat(dbInfo.out()).isEqualTo(root.out());
  }

  @Test
  void dbInfo_printsTheJdbcUrlAndAPsqlUri() {
    McpUsageProcess.Result info = McpUsageProcess.run("--db-url", address.jdbcUrl(), "db", "info");

    assertThat(info.exitCode()).as(info.toString()).isZero();
    assertThat(info.out())
        .contains("JDBC URL   " + address.jdbcUrl())
        .contains("psql URI   " + address.psqlUri(false))
        .contains("external");
  }

  @Test
  void help_listsEveryCommandWithExamples() {
    McpUsageProcess.Result help = McpUsageProcess.run("--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("serve", "migrate", "verify", "summary", "db", "Examples:", "Exit codes");
  }

  @Test
  void completion_printsABashScriptCoveringTheCommands() {
    McpUsageProcess.Result completion = McpUsageProcess.run("completion");

    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out())
        .contains("complete -F")
        .contains("summary")
        .contains("--retention-days");
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(address.jdbcUrl(), address.user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(address.jdbcUrl(), address.user(), "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** {@code mcp-usage --db-url … COMMAND OPTIONS… MORE…} against the test database. */
  private McpUsageProcess.Result report(String command, String[] options, String... more) {
    List<String> args = new ArrayList<>(List.of("--db-url", address.jdbcUrl(), command));
    args.addAll(List.of(options));
    args.addAll(List.of(more));
    return McpUsageProcess.run(args.toArray(String[]::new));
  }
}
