package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import java.nio.file.Files;
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
 * {@code export} then {@code import} as processes between two real PostgreSQL databases: the same
 * events arrive (count and a checksum over every column), a second import stores nothing new, and
 * rows from an Archon/Supabase export load with bad rows named by line.
 */
class ExportImportIT {

  private static final String CHECKSUM =
      "select count(*) || ':' || md5(string_agg(id::text || timestamp::text || server_name"
          + " || tool_name || tool_category || coalesce(session_id, '') || coalesce(client_type, '')"
          + " || request_metadata::text || coalesce(source_id, '') || coalesce(query_text, '')"
          + " || coalesce(match_count::text, '') || response_time_ms || success"
          + " || coalesce(error_type, ''), ',' order by id))"
          + " from archon_mcp_usage_events";

  @TempDir static Path dir;
  private static PostgresConnectionPool source;
  private static PostgresConnectionPool target;
  private static PostgresConnectionPool archon;

  @BeforeAll
  static void startTwoDatabases() {
    source = TestDatabase.start(dir.resolve("a"), true);
    target = TestDatabase.start(dir.resolve("b"), true);
    archon = TestDatabase.start(dir.resolve("c"), true);
  }

  @AfterAll
  static void stopDatabases() {
    source.stop();
    target.stop();
    archon.stop();
  }

  @Test
  void exportThenImport_roundTripsEveryEventExactly_andAgainStoresNothingNew() throws Exception {
    McpUsageProcess.Result load =
        McpUsageProcess.run(
            "--db-url", url(source), "demo", "--events", "30000", "--days", "3", "--seed", "7");
    Path jsonl = dir.resolve("events.jsonl");
    Path csv = dir.resolve("events.csv");
    McpUsageProcess.Result exportJson =
        McpUsageProcess.run(
            "--db-url", url(source), "export", "--since", "4d", "--out", jsonl.toString());
    McpUsageProcess.Result exportCsv =
        McpUsageProcess.run(
            "--db-url",
            url(source),
            "export",
            "--since",
            "4d",
            "--format",
            "CSV",
            "--out",
            csv.toString());
    McpUsageProcess.Result importJson =
        McpUsageProcess.run("--db-url", url(target), "import", jsonl.toString());
    String afterJson = sql(target, CHECKSUM);
    McpUsageProcess.Result importCsvAgain =
        McpUsageProcess.run("--db-url", url(target), "import", csv.toString());

    assertThat(load.exitCode()).as(load.toString()).isZero();
    assertThat(exportJson.exitCode()).as(exportJson.toString()).isZero();
    assertThat(exportJson.out()).contains("Exported 30,000 events");
    assertThat(exportCsv.exitCode()).as(exportCsv.toString()).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(30_001);
    assertThat(importJson.exitCode()).as(importJson.toString()).isZero();
    assertThat(importJson.out())
        .contains("30,000 rows read, 30,000 stored, 0 already there, 0 refused");
    assertThat(afterJson).isEqualTo(sql(source, CHECKSUM)).startsWith("30000:");
    assertThat(importCsvAgain.exitCode()).as(importCsvAgain.toString()).isZero();
    assertThat(importCsvAgain.out()).contains("30,000 rows read, 0 stored, 30,000 already there");
    assertThat(sql(target, CHECKSUM)).isEqualTo(afterJson);
  }

  @Test
  void givenArchonRowsWithABadOne_import_storesTheRestAndNamesTheLine() throws Exception {
    Path rows = dir.resolve("archon_mcp_usage_events_rows.csv");
    Files.writeString(
        rows,
        "id,timestamp,tool_name,tool_category,session_id,client_type,request_metadata,source_id,"
            + "query_text,match_count,response_time_ms,success,error_type,hour_bucket,date_bucket\n"
            + "0b7e9f10-1111-4a53-9a57-5a3f1a2e0c11,2026-11-24 10:15:30.123+00,rag_search,rag,s1,"
            + "claude-code,\"{\"\"k\"\": 1}\",docs,\"two\nlines\",3,120,t,,2026-11-24 10:00:00+00,2026-11-24\n"
            + "0b7e9f10-2222-4a53-9a57-5a3f1a2e0c11,2026-11-24 11:00:00+00,manage_task,task,s2,cursor,"
            + "{},,,,slow,f,TimeoutError,2026-11-24 11:00:00+00,2026-11-24\n"
            + "0b7e9f10-3333-4a53-9a57-5a3f1a2e0c11,2026-11-24 12:00:00+00,find_tasks,task,s2,cursor,"
            + "{},,,,15,f,TimeoutError,2026-11-24 12:00:00+00,2026-11-24\n");

    McpUsageProcess.Result imported =
        McpUsageProcess.run("--db-url", url(archon), "import", rows.toString());

    assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(1);
    assertThat(imported.err())
        .contains("line 4: response_time_ms: must be a whole number, was slow");
    assertThat(imported.out()).contains("3 rows read, 2 stored, 0 already there, 1 refused");
    assertThat(
            sql(
                archon,
                "select query_text || '|' || request_metadata::text || '|' || success"
                    + " from archon_mcp_usage_events where id = '0b7e9f10-1111-4a53-9a57-5a3f1a2e0c11'"))
        .isEqualTo("two\nlines|{\"k\": 1}|true");
  }

  @Test
  void givenJsonLinesThatDoNotParse_import_refusesEachByLine_andStoresTheRest() throws Exception {
    Path lines = dir.resolve("events.jsonl");
    Files.writeString(
        lines,
        "{\"tool_name\": \"a\", \"tool_category\": \"c\", \"response_time_ms\": 1}\n"
            + "{oops\n"
            + "{\"tool_name\": \"b\", \"tool_category\": \"c\", \"response_time_ms\": 2}"
            + " {\"tool_name\": \"lost\"}\n"
            + "{\"tool_name\": \"d\", \"tool_category\": \"c\", \"response_time_ms\": 4}\n"
            + "{\"tool_name\": \"unclosed\"\n");

    McpUsageProcess.Result imported =
        McpUsageProcess.run("--db-url", url(archon), "import", lines.toString());

    assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(1);
    assertThat(imported.err())
        .contains("line 2: is not a JSON object")
        .contains("line 3: is not a JSON object: a second JSON value follows the first")
        .contains(
            "line 5: is not a JSON object: Unexpected end-of-input: expected close marker for"
                + " Object (start marker at column 1), at column 25")
        .doesNotContain("Source:");
    assertThat(imported.out()).contains("5 rows read, 2 stored, 0 already there, 3 refused");
  }

  @Test
  void givenACsvStartingWithAByteOrderMark_import_readsItsHeader() throws Exception {
    Path excel = dir.resolve("from-excel.csv");
    Files.writeString(excel, "\uFEFFtool_name,tool_category,response_time_ms\nsaved_as_csv,c,5\n");

    McpUsageProcess.Result imported =
        McpUsageProcess.run("--db-url", url(archon), "import", excel.toString());

    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).contains("1 row read, 1 stored");
  }

  @Test
  void givenBadTimesOrFormats_exportAndImport_exit2NamingTheOption() throws Exception {
    Path notes = Files.writeString(dir.resolve("x.txt"), "tool_name\n");
    McpUsageProcess.Result badSince =
        McpUsageProcess.run("--db-url", url(source), "export", "--since", "yesterday");
    McpUsageProcess.Result reversed =
        McpUsageProcess.run("--db-url", url(source), "export", "--since", "1d", "--until", "2d");
    McpUsageProcess.Result unknownFormat =
        McpUsageProcess.run("--db-url", url(source), "import", notes.toString());

    assertThat(badSince.exitCode()).isEqualTo(2);
    assertThat(badSince.err())
        .contains("--since must be an ISO-8601 instant")
        .contains("'yesterday'");
    assertThat(reversed.exitCode()).isEqualTo(2);
    assertThat(reversed.err()).contains("must be before --until");
    assertThat(unknownFormat.exitCode()).isEqualTo(2);
    assertThat(unknownFormat.err()).contains("add --format csv or jsonl");
  }

  private static String url(PostgresConnectionPool pool) {
    return pool.address().jdbcUrl();
  }

  private static String sql(PostgresConnectionPool pool, String query) throws Exception {
    DatabaseAddress address = pool.address();
    try (Connection connection =
            DriverManager.getConnection(address.jdbcUrl(), address.user(), "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
