package dev.mcpusage.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpusage.domain.event.Adjustment;
import dev.mcpusage.domain.event.EventColumns;
import dev.mcpusage.domain.event.InvalidUsageEventException;
import dev.mcpusage.domain.event.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mapper: one ingested JSON object (the seed's columns, snake_case) to a usage event; the domain's
 * {@link EventColumns} checks each column.
 */
final class EventJsonMapper {

  private EventJsonMapper() {}

  /**
   * The event and what the domain changed in it to store it, or an {@link
   * InvalidUsageEventException} naming the first offending field.
   */
  static Mapped toEvent(JsonNode json, Instant receivedAt) {
    if (!json.isObject()) {
      throw new InvalidUsageEventException("event", "must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) plain(json);
    UsageEvent.Builder event = EventColumns.toBuilder(row, receivedAt);
    return new Mapped(event.build(), event.adjustments());
  }

  /** An event read from JSON, and what was changed in its values so it could be stored. */
  record Mapped(UsageEvent event, List<Adjustment> adjustments) {}

  private static Object plain(JsonNode value) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.fields().forEachRemaining(entry -> map.put(entry.getKey(), plain(entry.getValue())));
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
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
