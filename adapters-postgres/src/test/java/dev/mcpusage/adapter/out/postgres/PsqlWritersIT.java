package dev.mcpusage.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows written by any client — plain INSERT or COPY from psql — show in the rollups at once. */
class PsqlWritersIT {

  private TestDatabase db;

  @BeforeEach
  void emptyDatabase() {
    db = TestDatabase.shared().empty();
  }

  @Test
  void givenPlainInsertFromPsql_hourlyDailyAndSummary_countItWithoutRefresh() {
    Psql.Result insert =
        Psql.run(
            db.address(),
            """
        INSERT INTO archon_mcp_usage_events (tool_name, tool_category, session_id, client_type, response_time_ms, success)
        VALUES ('manage_task', 'task', 'psql-1', 'psql', 12, true),
               ('manage_task', 'task', 'psql-2', 'psql', 30, false);
        """);

    Psql.Result read =
        Psql.run(
            db.address(),
            """
        SELECT call_count, error_count, unique_sessions FROM archon_mcp_usage_hourly WHERE tool_name = 'manage_task';
        SELECT call_count FROM archon_mcp_usage_daily WHERE tool_name = 'manage_task';
        SELECT total_calls, failed_calls FROM get_mcp_usage_summary(1);
        """);

    assertThat(insert.exitCode()).as(insert.output()).isZero();
    assertThat(read.lines()).containsExactly("2|1|2", "2", "2|1");
  }

  @Test
  void givenCopyFromPsql_rollups_countEveryRow() {
    StringBuilder rows =
        new StringBuilder(
            "COPY archon_mcp_usage_events (tool_name, tool_category, session_id, response_time_ms, success) FROM STDIN;\n");
    for (int i = 0; i < 500; i++) {
      rows.append("find_documents\tdocument\tcopy-")
          .append(i % 7)
          .append('\t')
          .append(i)
          .append('\t')
          .append(i % 10 != 0)
          .append('\n');
    }
    rows.append("\\.\n");

    Psql.Result copy = Psql.run(db.address(), rows.toString());
    Psql.Result read =
        Psql.run(
            db.address(),
            "SELECT call_count, error_count, unique_sessions FROM archon_mcp_usage_hourly WHERE tool_name = 'find_documents';");

    assertThat(copy.exitCode()).as(copy.output()).isZero();
    assertThat(read.output()).isEqualTo("500|50|7");
  }

  @Test
  void givenInsertForADayWithoutPartition_rowWaitsInDefault_andMovesWhenThePartitionIsMade() {
    Psql.Result insert =
        Psql.run(
            db.address(),
            """
        INSERT INTO archon_mcp_usage_events ("timestamp", tool_name, tool_category, response_time_ms)
        VALUES ('2024-02-29 10:00:00+00', 'find_versions', 'version', 5);
        SELECT tableoid::regclass FROM archon_mcp_usage_events WHERE tool_name = 'find_versions';
        SELECT mcp_usage_ensure_partition('2024-02-29');
        SELECT tableoid::regclass FROM archon_mcp_usage_events WHERE tool_name = 'find_versions';
        SELECT call_count FROM archon_mcp_usage_daily WHERE tool_name = 'find_versions';
        """);

    assertThat(insert.lines())
        .containsExactly(
            "archon_mcp_usage_events_default", "t", "archon_mcp_usage_events_p20240229", "1");
  }
}
