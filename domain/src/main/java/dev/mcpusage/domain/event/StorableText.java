package dev.mcpusage.domain.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule: text PostgreSQL can store; U+0000 (which neither {@code text} nor {@code jsonb} accepts) is
 * replaced so one event never fails a whole batch.
 */
public final class StorableText {

  /** What stands in for a NUL character. */
  public static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  /** The text with every U+0000 replaced by U+FFFD; the same instance when there is none. */
  public static String of(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', REPLACEMENT);
  }

  /** True when the text holds a U+0000. */
  public static boolean needsReplacement(String text) {
    return text != null && text.indexOf('\u0000') >= 0;
  }

  /** A copy of the metadata with U+0000 replaced in every key and string value, at any depth. */
  public static Map<String, Object> of(Map<String, Object> metadata) {
    Map<String, Object> copy = new LinkedHashMap<>();
    metadata.forEach((key, value) -> copy.put(of(String.valueOf(key)), ofValue(value)));
    return copy;
  }

  /** True when a key or string value of the metadata, at any depth, holds a U+0000. */
  public static boolean needsReplacement(Map<String, Object> metadata) {
    return metadata.entrySet().stream()
        .anyMatch(e -> needsReplacement(String.valueOf(e.getKey())) || valueNeeds(e.getValue()));
  }

  @SuppressWarnings("unchecked")
  private static Object ofValue(Object value) {
    if (value instanceof String text) {
      return of(text);
    }
    if (value instanceof Map<?, ?> map) {
      return of((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(ofValue(item)));
      return copy;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static boolean valueNeeds(Object value) {
    if (value instanceof String text) {
      return needsReplacement(text);
    }
    if (value instanceof Map<?, ?> map) {
      return needsReplacement((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(StorableText::valueNeeds);
    }
    return false;
  }
}
