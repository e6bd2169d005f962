package dev.mcpusage.domain.privacy;

import java.util.List;
import java.util.Map;

/** Rule: how many characters a metadata value takes as JSON (escapes counted as one character). */
final class JsonLength {

  private JsonLength() {}

  static int of(Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof Map<?, ?> map) {
      int length = 2 + Math.max(0, map.size() - 1);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        length += String.valueOf(entry.getKey()).length() + 3 + of(entry.getValue());
      }
      return length;
    }
    if (value instanceof List<?> list) {
      int length = 2 + Math.max(0, list.size() - 1);
      for (Object item : list) {
        length += of(item);
      }
      return length;
    }
    if (value instanceof String text) {
      return text.length() + 2;
    }
    return String.valueOf(value).length();
  }
}
