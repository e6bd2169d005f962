package dev.mcpusage.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The harness's results: a JSON tree for machines and Markdown tables for BENCHMARKS.md. */
final class Report {

  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<String> markdown = new ArrayList<>();

  /** The JSON object under {@code key}, created on first use. */
  @SuppressWarnings("unchecked")
  Map<String, Object> section(String key) {
    return (Map<String, Object>) json.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  void line(String text) {
    markdown.add(text);
    System.out.println(text);
  }

  void table(String... header) {
    line("");
    line("| " + String.join(" | ", header) + " |");
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < header.length; i++) {
      rule.append(i == 0 ? "---|" : "---:|");
    }
    line(rule.toString());
  }

  void row(Object... cells) {
    StringBuilder row = new StringBuilder("|");
    for (Object cell : cells) {
      row.append(' ').append(cell).append(" |");
    }
    line(row.toString());
  }

  void write(Path json, Path markdown) throws IOException {
    Files.createDirectories(json.toAbsolutePath().getParent());
    StringBuilder text = new StringBuilder();
    write(text, this.json, "");
    Files.writeString(json, text.append('\n').toString());
    Files.writeString(markdown, String.join("\n", this.markdown) + "\n");
  }

  private static void write(StringBuilder out, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      out.append("{");
      String inner = indent + "  ";
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "\n" : ",\n").append(inner);
        string(out, entry.getKey().toString());
        out.append(": ");
        write(out, entry.getValue(), inner);
        first = false;
      }
      out.append(map.isEmpty() ? "}" : "\n" + indent + "}");
    } else if (value instanceof List<?> list) {
      out.append("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(out, list.get(i), indent);
      }
      out.append("]");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      string(out, value.toString());
    }
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
