package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;

import dev.mcpusage.adapter.out.postgres.jooq.Routines;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Adapter (PostgreSQL): one transaction per batch — the day partitions it needs, then one COPY
 * straight into the events table, whose statement trigger brings the rollups up to date. A batch
 * holding an event stored before (a replay) fails that COPY on the primary key; it then goes
 * through a session-local staging table and one INSERT that skips the stored events.
 */
public final class PostgresUsageEventSink implements UsageEventSink {

  private static final List<Field<?>> COLUMNS =
      List.of(
          ARCHON_MCP_USAGE_EVENTS.ID,
          ARCHON_MCP_USAGE_EVENTS.TIMESTAMP,
          ARCHON_MCP_USAGE_EVENTS.SERVER_NAME,
          ARCHON_MCP_USAGE_EVENTS.TOOL_NAME,
          ARCHON_MCP_USAGE_EVENTS.TOOL_CATEGORY,
          ARCHON_MCP_USAGE_EVENTS.SESSION_ID,
          ARCHON_MCP_USAGE_EVENTS.CLIENT_TYPE,
          ARCHON_MCP_USAGE_EVENTS.REQUEST_METADATA,
          ARCHON_MCP_USAGE_EVENTS.SOURCE_ID,
          ARCHON_MCP_USAGE_EVENTS.QUERY_TEXT,
          ARCHON_MCP_USAGE_EVENTS.MATCH_COUNT,
          ARCHON_MCP_USAGE_EVENTS.RESPONSE_TIME_MS,
          ARCHON_MCP_USAGE_EVENTS.SUCCESS,
          ARCHON_MCP_USAGE_EVENTS.ERROR_TYPE);

  private static final String UNIQUE_VIOLATION = "23505";
  private static final int COPY_CHUNK = 500;

  private final PostgresConnectionPool pool;

  public PostgresUsageEventSink(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public AppendResult append(List<UsageEvent> events) {
    if (events.isEmpty()) {
      return new AppendResult(0, 0);
    }
    long inserted =
        pool.inTransaction(
            dsl -> {
              ensureDayPartitions(dsl, events);
              return dsl.connectionResult(
                  connection -> {
                    Savepoint direct = connection.setSavepoint();
                    try {
                      copy(connection, directStatement(dsl), events);
                      return (long) events.size();
                    } catch (SQLException e) {
                      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                      }
                      // a replayed event is stored already: insert only the new ones
                      connection.rollback(direct);
                      Routines.mcpUsageOpenStaging(dsl.configuration());
                      copy(connection, stagingStatement(dsl), events);
                      return Routines.mcpUsageIngestStaged(dsl.configuration());
                    }
                  });
            });
    return new AppendResult((int) inserted, events.size() - (int) inserted);
  }

  private static void ensureDayPartitions(DSLContext dsl, List<UsageEvent> events) {
    LocalDate[] days =
        events.stream()
            .map(event -> LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC))
            .distinct()
            .sorted()
            .toArray(LocalDate[]::new);
    dsl.fetch(
        "select mcp_usage_ensure_partition(day) from unnest({0}) as day order by day",
        DSL.val(days, SQLDataType.LOCALDATE.array()));
  }

  /**
   * COPYs the events in chunks, each encoded while the server parses the one before (on two cores
   * that hides most of the encoding); a failure ends the COPY and is thrown.
   */
  private static void copy(Connection connection, String statement, List<UsageEvent> events)
      throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement);
    try {
      for (int from = 0; from < events.size(); from += COPY_CHUNK) {
        byte[] rows =
            UsageEventCsv.of(events.subList(from, Math.min(events.size(), from + COPY_CHUNK)))
                .getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(rows, 0, rows.length);
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** COPY straight into the events table: its statement trigger updates the rollups. */
  private static String directStatement(DSLContext dsl) {
    return copyStatement(dsl, dsl.render(ARCHON_MCP_USAGE_EVENTS));
  }

  private static String stagingStatement(DSLContext dsl) {
    return copyStatement(dsl, dsl.render(DSL.name("pg_temp", "mcp_usage_staging")));
  }

  private static String copyStatement(DSLContext dsl, String table) {
    String columns =
        COLUMNS.stream()
            .map(field -> dsl.render(field.getUnqualifiedName()))
            .collect(Collectors.joining(", "));
    return Stream.of("COPY", table, "(" + columns + ")", "FROM STDIN (FORMAT csv)")
        .collect(Collectors.joining(" "));
  }
}
