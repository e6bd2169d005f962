package dev.mcpusage.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpusage.domain.event.Adjustment;
import dev.mcpusage.domain.event.InvalidUsageEventException;
import dev.mcpusage.domain.event.UsageEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Mapper: one ingested JSON object (the seed's columns, snake_case) to a usage event. */
final class EventJsonMapper {

  private static final Set<String> KNOWN =
      Set.of(
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

  private EventJsonMapper() {}

  /**
   * The event and what the domain changed in it to store it, or an {@link
   * InvalidUsageEventException} naming the first offending field.
   */
  static Mapped toEvent(JsonNode json, Instant receivedAt) {
    if (!json.isObject()) {
      throw new InvalidUsageEventException("event", "must be a JSON object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw new InvalidUsageEventException(name, "is not a column of archon_mcp_usage_events");
      }
    }
    UsageEvent.Builder event =
        UsageEvent.builder()
            .timestamp(json.hasNonNull("timestamp") ? instant(json.get("timestamp")) : receivedAt)
            .serverName(text(json, "server_name"))
            .toolName(text(json, "tool_name"))
            .toolCategory(text(json, "tool_category"))
            .sessionId(text(json, "session_id"))
            .clientType(text(json, "client_type"))
            .sourceId(text(json, "source_id"))
            .queryText(text(json, "query_text"))
            .errorType(text(json, "error_type"))
            .responseTimeMs(requiredInt(json, "response_time_ms"))
            .success(!json.hasNonNull("success") || bool(json.get("success")));
    if (json.hasNonNull("id")) {
      event.id(uuid(json.get("id")));
    }
    if (json.hasNonNull("match_count")) {
      event.matchCount(integer(json.get("match_count"), "match_count"));
    }
    if (json.hasNonNull("request_metadata")) {
      event.requestMetadata(metadata(json.get("request_metadata")));
    }
    return new Mapped(event.build(), event.adjustments());
  }

  /** An event read from JSON, and what was changed in its values so it could be stored. */
  record Mapped(UsageEvent event, List<Adjustment> adjustments) {}

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidUsageEventException(field, "must be a string");
    }
    return value.asText();
  }

  private static int requiredInt(JsonNode json, String field) {
    if (!json.hasNonNull(field)) {
      throw new InvalidUsageEventException(field, "is required (milliseconds, >= 0)");
    }
    return integer(json.get(field), field);
  }

  private static int integer(JsonNode value, String field) {
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new InvalidUsageEventException(field, "must be a whole number, was " + value);
    }
    return value.intValue();
  }

  private static boolean bool(JsonNode value) {
    if (!value.isBoolean()) {
      throw new InvalidUsageEventException("success", "must be true or false, was " + value);
    }
    return value.booleanValue();
  }

  private static Instant instant(JsonNode value) {
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidUsageEventException(
          "timestamp", "must be an ISO-8601 instant such as 2026-11-25T10:15:30Z, was " + value);
    }
  }

  private static UUID uuid(JsonNode value) {
    try {
      return UUID.fromString(value.asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidUsageEventException("id", "must be a UUID, was " + value);
    }
  }

  private static Map<String, Object> metadata(JsonNode value) {
    if (!value.isObject()) {
      throw new InvalidUsageEventException("request_metadata", "must be a JSON object");
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    value.fields().forEachRemaining(entry -> metadata.put(entry.getKey(), plain(entry.getValue())));
    return metadata;
  }

  private static Object plain(JsonNode value) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.fields().forEachRemaining(entry -> map.put(entry.getKey(), plain(entry.getValue())));
      return map;
    }
    if (value.isArray()) {
      java.util.List<Object> list = new java.util.ArrayList<>();
      value.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.isNull() ? null : value.asText();
  }
}
