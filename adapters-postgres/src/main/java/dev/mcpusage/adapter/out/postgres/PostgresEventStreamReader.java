package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;

import dev.mcpusage.adapter.out.postgres.jooq.tables.records.ArchonMcpUsageEventsRecord;
import dev.mcpusage.application.port.out.EventStreamReader;
import dev.mcpusage.application.port.out.StoredEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Cursor;

/**
 * Adapter (PostgreSQL): a server-side cursor over the events of a range (a transaction with a fetch
 * size, so the driver holds one page of rows at a time), in {@code (timestamp, id)} order.
 */
public final class PostgresEventStreamReader implements EventStreamReader {

  private static final int PAGE = 5_000;

  private final PostgresConnectionPool pool;

  public PostgresEventStreamReader(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public long each(Instant from, Instant until, Consumer<StoredEvent> each) {
    return pool.inTransaction(
        dsl -> {
          long count = 0;
          try (Cursor<ArchonMcpUsageEventsRecord> rows =
              dsl.selectFrom(ARCHON_MCP_USAGE_EVENTS)
                  .where(ARCHON_MCP_USAGE_EVENTS.TIMESTAMP.ge(from.atOffset(ZoneOffset.UTC)))
                  .and(ARCHON_MCP_USAGE_EVENTS.TIMESTAMP.lt(until.atOffset(ZoneOffset.UTC)))
                  .orderBy(ARCHON_MCP_USAGE_EVENTS.TIMESTAMP, ARCHON_MCP_USAGE_EVENTS.ID)
                  .fetchSize(PAGE)
                  .fetchLazy()) {
            for (ArchonMcpUsageEventsRecord row : rows) {
              each.accept(stored(row));
              count++;
            }
          }
          return count;
        });
  }

  private static StoredEvent stored(ArchonMcpUsageEventsRecord row) {
    return new StoredEvent(
        row.getId().toString(),
        row.getTimestamp().toInstant(),
        row.getServerName(),
        row.getToolName(),
        row.getToolCategory(),
        Optional.ofNullable(row.getSessionId()),
        Optional.ofNullable(row.getClientType()),
        row.getRequestMetadata() == null ? "{}" : row.getRequestMetadata().data(),
        Optional.ofNullable(row.getSourceId()),
        Optional.ofNullable(row.getQueryText()),
        Optional.ofNullable(row.getMatchCount()),
        row.getResponseTimeMs(),
        Boolean.TRUE.equals(row.getSuccess()),
        Optional.ofNullable(row.getErrorType()));
  }
}
