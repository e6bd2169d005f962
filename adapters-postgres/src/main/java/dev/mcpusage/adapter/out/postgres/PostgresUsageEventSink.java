package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;

import dev.mcpusage.adapter.out.postgres.jooq.Routines;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.UsageEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Adapter (PostgreSQL): one transaction per batch — the day partitions it has not seen yet, then
 * one COPY straight into the events table, whose statement trigger brings the rollups up to date. A
 * batch holding an event stored before (a replay) fails that COPY on the primary key; its
 * transaction is rolled back and a second one takes a session-local staging table and one INSERT
 * that skips the stored events.
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
  private final Set<LocalDate> partitionedDays = ConcurrentHashMap.newKeySet();

  public PostgresUsageEventSink(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public AppendResult append(List<UsageEvent> events) {
    if (events.isEmpty()) {
      return new AppendResult(0, 0);
    }
    LocalDate[] newDays = daysNotSeen(events);
    long inserted;
    try {
      inserted =
          pool.inTransaction(
              dsl -> {
                ensureDayPartitions(dsl, newDays);
                dsl.connection(connection -> copyOrSignalReplay(connection, dsl, events));
                return (long) events.size();
              });
    } catch (StoredBefore replay) {
      // a replayed event is stored already: insert only the new ones (the function creates the
      // missing day partitions itself)
      inserted =
          pool.inTransaction(
              dsl -> {
                Routines.mcpUsageOpenStaging(dsl.configuration());
                dsl.connection(connection -> copy(connection, stagingStatement(dsl), events));
                return (long) Routines.mcpUsageIngestStaged(dsl.configuration());
              });
    }
    partitionedDays.addAll(Arrays.asList(newDays));
    return new AppendResult((int) inserted, events.size() - (int) inserted);
  }

  /**
   * The batch's days this sink has not seen partitioned yet. A day once seen stays known: expiry
   * drops only days before the retention cutoff, and a late event for such a day lands in the
   * default partition, which expiry clears as well.
   */
  private LocalDate[] daysNotSeen(List<UsageEvent> events) {
    return events.stream()
        .map(event -> LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC))
        .distinct()
        .filter(day -> !partitionedDays.contains(day))
        .sorted()
        .toArray(LocalDate[]::new);
  }

  private static void ensureDayPartitions(DSLContext dsl, LocalDate[] days) {
    if (days.length > 0) {
      dsl.fetch(
          "select mcp_usage_ensure_partition(day) from unnest({0}) as day order by day",
          DSL.val(days, SQLDataType.LOCALDATE.array()));
    }
  }

  /**
   * COPYs the batch straight into the events table; a primary-key violation (an event stored
   * before) is signalled as {@link StoredBefore}, which rolls the transaction back.
   */
  private static void copyOrSignalReplay(
      Connection connection, DSLContext dsl, List<UsageEvent> events) throws SQLException {
    try {
      copy(connection, directStatement(dsl), events);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new StoredBefore();
      }
      throw e;
    }
  }

  /** The batch holds an event stored before; the direct COPY's transaction is rolled back. */
  private static final class StoredBefore extends RuntimeException {
    StoredBefore() {
      super(null, null, false, false);
    }
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
            UsageEventCsv.bytes(events.subList(from, Math.min(events.size(), from + COPY_CHUNK)));
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
