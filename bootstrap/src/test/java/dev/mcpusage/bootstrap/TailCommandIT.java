package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp-usage tail}, run as a process against a real PostgreSQL. */
class TailCommandIT {

  @TempDir static Path databaseDir;
  private static PostgresConnectionPool database;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.start(databaseDir, true);
  }

  @AfterAll
  static void stopDatabase() {
    database.stop();
  }

  @Test
  void givenRecentCalls_tailNoFollow_printsThemOldestFirst_andErrorsOnlyTheFailure()
      throws Exception {
    insert("tail-once", "find_tasks", "task", "interval '20 seconds'", true, null);
    insert("tail-once", "manage_task", "task", "interval '10 seconds'", false, "TimeoutError");
    insert("someone-else", "find_tasks", "task", "interval '5 seconds'", true, null);

    McpUsageProcess.Result all = tail("--server", "tail-once", "--since", "1m", "--no-follow");
    McpUsageProcess.Result errors =
        tail("--server", "tail-once", "--since", "1m", "--no-follow", "--errors");

    assertThat(all.exitCode()).as(all.toString()).isZero();
    assertThat(all.out().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).contains("tail-once", "find_tasks (task)", " ok"),
            second -> assertThat(second).contains("manage_task (task)", "TimeoutError"));
    assertThat(errors.out().lines().toList())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("manage_task", "TimeoutError"));
  }

  @Test
  void followingTail_printsEachNewCallOnce_asItIsStored() throws Exception {
    Process tail =
        McpUsageProcess.start(
            "--db-url",
            database.address().jdbcUrl(),
            "tail",
            "--server",
            "tail-follow",
            "--poll-ms",
            "100");
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8));
      BufferedReader stderr =
          new BufferedReader(new InputStreamReader(tail.getErrorStream(), StandardCharsets.UTF_8));
      Future<String> following = reader.submit(() -> firstLineWith(stderr, "Ctrl+C to stop"));
      assertThat(following.get(60, TimeUnit.SECONDS)).contains("calls from");

      insert("tail-follow", "first_tool", "rag", "interval '0 seconds'", true, null);
      String first = reader.submit(stdout::readLine).get(30, TimeUnit.SECONDS);
      Thread.sleep(500); // several more looks over a window that still holds the first call
      insert("tail-follow", "second_tool", "rag", "interval '0 seconds'", true, null);
      String second = reader.submit(stdout::readLine).get(30, TimeUnit.SECONDS);

      assertThat(first).contains("first_tool (rag)");
      assertThat(second).contains("second_tool (rag)");
    } finally {
      tail.destroyForcibly();
      reader.shutdownNow();
    }
  }

  private static String firstLineWith(BufferedReader reader, String text) throws Exception {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.contains(text)) {
        return line;
      }
    }
    return "";
  }

  private static McpUsageProcess.Result tail(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "--db-url";
    args[1] = database.address().jdbcUrl();
    args[2] = "tail";
    System.arraycopy(options, 0, args, 3, options.length);
    return McpUsageProcess.run(args);
  }

  private static void insert(
      String server, String tool, String category, String ago, boolean success, String errorType)
      throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                database.address().jdbcUrl(), database.address().user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO archon_mcp_usage_events"
              + " (timestamp, server_name, tool_name, tool_category, session_id, response_time_ms,"
              + " success, error_type) VALUES (now() - "
              + ago
              + ", '"
              + server
              + "', '"
              + tool
              + "', '"
              + category
              + "', 's1', 12, "
              + success
              + ", "
              + (errorType == null ? "NULL" : "'" + errorType + "'")
              + ")");
    }
  }
}
