package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollback}: refuses without --yes, then removes every object it listed; migrate restores.
 */
class RollbackIT {

  private static final String LEFT_OVER =
      "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + "  WHERE n.nspname = 'public' AND (c.relname LIKE 'mcp\\_usage%' OR c.relname LIKE"
          + "  'archon\\_mcp\\_usage%' OR c.relname = 'flyway_schema_history'))"
          + " + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
          + "  WHERE n.nspname = 'public' AND (p.proname LIKE '%mcp\\_usage%'))"
          + " + (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'mcp\\_usage\\_%')"
          + " + (SELECT count(*) FROM archon_migrations WHERE version = '0.2.0')";

  @TempDir static Path dir;
  private static PostgresConnectionPool database;

  @BeforeAll
  static void start() {
    database = TestDatabase.start(dir, false);
  }

  @AfterAll
  static void stop() {
    database.stop();
  }

  @Test
  void rollback_refusesWithoutYes_thenRemovesEverything_andMigrateBringsItBack() throws Exception {
    String url = database.address().jdbcUrl();
    McpUsageProcess.run("--db-url", url, "demo", "--events", "500", "--days", "2");

    McpUsageProcess.Result preview = McpUsageProcess.run("--db-url", url, "rollback");
    long eventsAfterPreview = count("SELECT count(*) FROM archon_mcp_usage_events");
    McpUsageProcess.Result rollback = McpUsageProcess.run("--db-url", url, "rollback", "--yes");
    long leftOver = count(LEFT_OVER);
    McpUsageProcess.Result migrate = McpUsageProcess.run("--db-url", url, "migrate");
    McpUsageProcess.Result verify = McpUsageProcess.run("--db-url", url, "verify");

    assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(2);
    assertThat(preview.out())
        .contains("Would remove", "(500 events)")
        .contains("table archon_mcp_usage_events", "table mcp_usage_hourly_rollup")
        .contains("view archon_mcp_usage_hourly", "function get_mcp_usage_summary(integer)")
        .contains("role mcp_usage_writer", "row 0.2.0 / 001_add_mcp_usage_tracking");
    assertThat(preview.err()).contains("refusing to remove anything without --yes");
    assertThat(eventsAfterPreview).isEqualTo(500);
    assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
    assertThat(rollback.out()).contains("Removed", "(500 events)");
    assertThat(leftOver).isZero();
    assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(count("SELECT count(*) FROM archon_mcp_usage_events")).isZero();
  }

  private static long count(String sql) throws Exception {
    DatabaseAddress address = database.address();
    try (Connection connection =
            DriverManager.getConnection(address.jdbcUrl(), address.user(), "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
