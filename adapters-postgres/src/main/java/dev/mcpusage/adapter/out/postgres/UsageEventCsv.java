package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.domain.event.UsageEvent;
import java.util.List;
import java.util.Optional;
import org.jooq.tools.json.JSONValue;

/** Mapper: usage events to CSV rows in the order of the COPY column list; empty unquoted = NULL. */
public final class UsageEventCsv {

  /** The events table's columns in the order {@link #of} writes them, for a COPY column list. */
  public static final String COLUMNS =
      "id, \"timestamp\", server_name, tool_name, tool_category, session_id, client_type,"
          + " request_metadata, source_id, query_text, match_count, response_time_ms, success,"
          + " error_type";

  private UsageEventCsv() {}

  /** The events as CSV rows, one per line. */
  public static String of(List<UsageEvent> events) {
    StringBuilder csv = new StringBuilder(events.size() * 256);
    for (UsageEvent event : events) {
      csv.append(event.id()).append(',');
      csv.append(event.timestamp()).append(',');
      quoted(csv, event.serverName()).append(',');
      quoted(csv, event.toolName()).append(',');
      quoted(csv, event.toolCategory()).append(',');
      optional(csv, event.sessionId()).append(',');
      optional(csv, event.clientType()).append(',');
      quoted(csv, JSONValue.toJSONString(event.requestMetadata())).append(',');
      optional(csv, event.sourceId()).append(',');
      optional(csv, event.queryText()).append(',');
      event.matchCount().ifPresent(csv::append);
      csv.append(',');
      csv.append(event.responseTimeMs()).append(',');
      csv.append(event.success() ? 't' : 'f').append(',');
      optional(csv, event.errorType()).append('\n');
    }
    return csv.toString();
  }

  private static StringBuilder optional(StringBuilder csv, Optional<String> value) {
    return value.isPresent() ? quoted(csv, value.get()) : csv;
  }

  private static StringBuilder quoted(StringBuilder csv, String value) {
    csv.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        csv.append('"');
      }
      csv.append(c);
    }
    return csv.append('"');
  }
}
