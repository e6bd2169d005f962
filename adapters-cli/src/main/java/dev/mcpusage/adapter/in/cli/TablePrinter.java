package dev.mcpusage.adapter.in.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Output: rows as an aligned text table; numbers right-aligned, headers carry their units. */
final class TablePrinter {

  private final List<String> headers;
  private final String whenEmpty;
  private final List<List<String>> rows = new ArrayList<>();

  TablePrinter(List<String> headers) {
    this(headers, "(no calls in this window)");
  }

  TablePrinter(List<String> headers, String whenEmpty) {
    this.headers = List.copyOf(headers);
    this.whenEmpty = whenEmpty;
  }

  TablePrinter row(Object... values) {
    List<String> cells = new ArrayList<>(values.length);
    for (Object value : values) {
      cells.add(
          value == null
              ? "-"
              : value instanceof Long || value instanceof Integer
                  ? String.format("%,d", ((Number) value).longValue())
                  : value.toString());
    }
    rows.add(cells);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    line(out, headers, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    if (rows.isEmpty()) {
      out.println(whenEmpty);
    }
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      boolean numeric = !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.equals("-"));
      String format = numeric && i > 0 ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
      text.append(String.format(format, cell)).append(i < cells.size() - 1 ? "  " : "");
    }
    out.println(text.toString().stripTrailing());
  }
}
