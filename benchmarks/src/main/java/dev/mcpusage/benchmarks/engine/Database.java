package dev.mcpusage.benchmarks.engine;

import dev.mcpusage.adapter.out.postgres.UsageEventCsv;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/** JDBC helpers of the harness: statements, single values, COPY of events, timings. */
final class Database {

  private final Connection connection;

  Database(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs the statement and returns how long it took, in milliseconds. */
  double timed(String sql) {
    long start = System.nanoTime();
    execute(sql);
    return (System.nanoTime() - start) / 1e6;
  }

  /** Runs the query, reads every row, and returns how long it took, in milliseconds. */
  double timedQuery(String sql) {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          rows.getObject(i);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  long longValue(String sql) {
    return Long.parseLong(text(sql));
  }

  String text(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** COPYs the events into {@code table} with the product's column list; returns milliseconds. */
  double copy(String table, List<UsageEvent> events) {
    return copy(table, UsageEventCsv.COLUMNS, UsageEventCsv.of(events));
  }

  /** COPYs the events into a table of the seed's columns (no server_name); returns milliseconds. */
  double copyWithoutServerName(String table, List<UsageEvent> events) {
    String columns = UsageEventCsv.COLUMNS.replace(" server_name,", "");
    String csv =
        UsageEventCsv.of(events)
            .lines()
            .map(Database::dropThirdField)
            .collect(Collectors.joining("\n", "", "\n"));
    return copy(table, columns, csv);
  }

  /** Inserts the events one statement each, autocommit, as the seed does; returns ms per event. */
  double[] insertOneByOne(String table, List<UsageEvent> events) {
    String sql =
        "INSERT INTO "
            + table
            + " (id, \"timestamp\", tool_name, tool_category, session_id, client_type,"
            + " request_metadata, source_id, query_text, match_count, response_time_ms, success,"
            + " error_type) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)";
    double[] millis = new double[events.size()];
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < events.size(); i++) {
        UsageEvent event = events.get(i);
        long start = System.nanoTime();
        insert.setObject(1, event.id());
        insert.setObject(2, java.sql.Timestamp.from(event.timestamp()));
        insert.setString(3, event.toolName());
        insert.setString(4, event.toolCategory());
        insert.setString(5, event.sessionId().orElse(null));
        insert.setString(6, event.clientType().orElse(null));
        insert.setString(7, "{\"demo\": true}");
        insert.setString(8, event.sourceId().orElse(null));
        insert.setString(9, event.queryText().orElse(null));
        insert.setObject(10, event.matchCount().orElse(null), java.sql.Types.INTEGER);
        insert.setInt(11, event.responseTimeMs());
        insert.setBoolean(12, event.success());
        insert.setString(13, event.errorType().orElse(null));
        insert.executeUpdate();
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return millis;
  }

  private double copy(String table, String columns, String csv) {
    String sql = "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)";
    long start = System.nanoTime();
    try {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /** The harness writes server names without commas or quotes, so the third field ends at ",. */
  private static String dropThirdField(String line) {
    int second = line.indexOf(',', line.indexOf(',') + 1);
    int end = line.indexOf("\",", second + 2);
    return line.substring(0, second) + line.substring(end + 1);
  }
}
