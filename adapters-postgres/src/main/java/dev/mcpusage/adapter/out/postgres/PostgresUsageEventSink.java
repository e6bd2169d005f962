package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;

import dev.mcpusage.adapter.out.postgres.jooq.Routines;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/**
 * Adapter (PostgreSQL): one transaction per batch — COPY into a session-local staging table, then
 * one idempotent INSERT whose statement trigger brings the rollups up to date.
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

  private final PostgresConnectionPool pool;

  public PostgresUsageEventSink(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public AppendResult append(List<UsageEvent> events) {
    if (events.isEmpty()) {
      return new AppendResult(0, 0);
    }
    String csv = UsageEventCsv.of(events);
    long inserted =
        pool.inTransaction(
            dsl -> {
              Routines.mcpUsageOpenStaging(dsl.configuration());
              copyIntoStaging(dsl, csv);
              return Routines.mcpUsageIngestStaged(dsl.configuration());
            });
    return new AppendResult((int) inserted, events.size() - (int) inserted);
  }

  private static void copyIntoStaging(DSLContext dsl, String csv) {
    String statement = copyStatement(dsl);
    dsl.connection(
        connection ->
            connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(statement, new StringReader(csv)));
  }

  private static String copyStatement(DSLContext dsl) {
    String columns =
        COLUMNS.stream()
            .map(field -> dsl.render(field.getUnqualifiedName()))
            .collect(Collectors.joining(", "));
    String staging = dsl.render(DSL.name("pg_temp", "mcp_usage_staging"));
    return Stream.of("COPY", staging, "(" + columns + ")", "FROM STDIN (FORMAT csv)")
        .collect(Collectors.joining(" "));
  }
}
