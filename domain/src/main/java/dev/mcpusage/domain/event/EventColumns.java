package dev.mcpusage.domain.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rule: an event as a row of the seed's columns — read from JSON, CSV or an Archon/Supabase export
 * of {@code archon_mcp_usage_events} (whose derived bucket columns are ignored), every problem
 * named by its column.
 */
public final class EventColumns {

  /** The columns of an event, in the table's order. */
  public static final List<String> NAMES =
      List.of(
          "id",
          "timestamp",
          "server_name",
          "tool_name",
          "tool_category",
          "session_id",
          "client_type",
          "request_metadata",
          "source_id",
          "query_text",
          "match_count",
          "response_time_ms",
          "success",
          "error_type");

  /** Columns the seed's table derives from {@code timestamp}: accepted in a row and ignored. */
  public static final Set<String> DERIVED = Set.of("hour_bucket", "date_bucket");

  private EventColumns() {}

  /**
   * A builder holding the row's values. Values are strings, numbers, booleans, or for {@code
   * request_metadata} a map; a missing or null column takes its default ({@code timestamp}: {@code
   * receivedAt}, {@code success}: true).
   *
   * @throws InvalidUsageEventException naming every column that is unknown or malformed, and every
   *     other field the event would break an invariant with
   */
  public static UsageEvent.Builder toBuilder(Map<String, ?> row, Instant receivedAt) {
    FieldProblems problems = new FieldProblems();
    for (String column : row.keySet()) {
      if (!NAMES.contains(column) && !DERIVED.contains(column)) {
        problems.add(column, "is not a column of archon_mcp_usage_events");
      }
    }
    UsageEvent.Builder event = UsageEvent.builder().timestamp(receivedAt);
    readIfPresent(problems, row, "timestamp", value -> event.timestamp(instant(value)));
    read(problems, () -> event.serverName(text(row, "server_name")));
    read(problems, () -> event.toolName(text(row, "tool_name")));
    read(problems, () -> event.toolCategory(text(row, "tool_category")));
    read(problems, () -> event.sessionId(text(row, "session_id")));
    read(problems, () -> event.clientType(text(row, "client_type")));
    read(problems, () -> event.sourceId(text(row, "source_id")));
    read(problems, () -> event.queryText(text(row, "query_text")));
    read(problems, () -> event.errorType(text(row, "error_type")));
    read(problems, () -> event.success(!present(row, "success") || bool(row.get("success"))));
    if (!present(row, "response_time_ms")) {
      problems.add("response_time_ms", "is required (milliseconds, >= 0)");
    }
    readIfPresent(
        problems,
        row,
        "response_time_ms",
        value -> event.responseTimeMs(integer(value, "response_time_ms")));
    readIfPresent(problems, row, "id", value -> event.id(uuid(value)));
    readIfPresent(
        problems, row, "match_count", value -> event.matchCount(integer(value, "match_count")));
    readIfPresent(
        problems, row, "request_metadata", value -> event.requestMetadata(metadata(value)));
    if (!problems.isEmpty()) {
      // the fields read well may break an invariant too: name those as well, now
      read(problems, event::build);
      problems.throwIfAny();
    }
    return event;
  }

  /**
   * Reads a column that is present (not null, not empty) with {@code reading}; see {@link #read}.
   */
  private static void readIfPresent(
      FieldProblems problems, Map<String, ?> row, String column, Consumer<Object> reading) {
    if (present(row, column)) {
      read(problems, () -> reading.accept(row.get(column)));
    }
  }

  /** Runs one column's reading; a malformed value becomes a problem of its column. */
  private static void read(FieldProblems problems, Runnable reading) {
    try {
      reading.run();
    } catch (InvalidUsageEventException e) {
      problems.addNew(e);
    }
  }

  private static boolean present(Map<String, ?> row, String column) {
    Object value = row.get(column);
    return value != null && !(value instanceof String text && text.isEmpty());
  }

  private static String text(Map<String, ?> row, String column) {
    Object value = row.get(column);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidUsageEventException(column, "must be a string");
    }
    return text.isEmpty() ? null : text;
  }

  private static int integer(Object value, String column) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long number = ((Number) value).longValue();
      if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
        return (int) number;
      }
    }
    if (value instanceof String text) {
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        // reported below with the value
      }
    }
    throw new InvalidUsageEventException(column, "must be a whole number, was " + value);
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "t":
          return true;
        case "false", "f":
          return false;
        default:
          break;
      }
    }
    throw new InvalidUsageEventException("success", "must be true or false, was " + value);
  }

  private static Instant instant(Object value) {
    String text = String.valueOf(value).strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException iso) {
      try {
        // PostgreSQL's own text form, as psql and Supabase exports write it
        return OffsetDateTime.parse(postgresToIso(text)).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidUsageEventException(
            "timestamp", "must be an ISO-8601 instant such as 2026-11-25T10:15:30Z, was " + value);
      }
    }
  }

  private static String postgresToIso(String text) {
    String iso = text.replace(' ', 'T');
    // "+00" → "+00:00": PostgreSQL omits the minutes of a whole-hour offset
    return iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
  }

  private static UUID uuid(Object value) {
    try {
      return UUID.fromString(String.valueOf(value).strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidUsageEventException("id", "must be a UUID, was " + value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidUsageEventException("request_metadata", "must be a JSON object");
    }
    return (Map<String, Object>) map;
  }
}
