package dev.mcpusage.adapter.in.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Output: rows as an aligned text table (numbers right-aligned, instants to the UTC second) or as
 * CSV with raw values.
 */
final class TablePrinter {

  private static final DateTimeFormatter TABLE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final List<String> headers;
  private final String whenEmpty;
  private final List<List<Object>> rows = new ArrayList<>();

  TablePrinter(List<String> headers) {
    this(headers, "(no calls in this window)");
  }

  TablePrinter(List<String> headers, String whenEmpty) {
    this.headers = List.copyOf(headers);
    this.whenEmpty = whenEmpty;
  }

  TablePrinter row(Object... values) {
    rows.add(java.util.Arrays.asList(values));
    return this;
  }

  void print(PrintWriter out) {
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : rows) {
      cells.add(row.stream().map(TablePrinter::forTable).toList());
    }
    int[] widths = new int[headers.size()];
    boolean[] numeric = new boolean[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : cells) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
      // a column of numbers is right-aligned, its header too (the first column never is)
      int column = i;
      numeric[i] =
          i > 0
              && rows.stream().anyMatch(row -> row.get(column) != null)
              && rows.stream().map(row -> row.get(column)).allMatch(TablePrinter::isNumber);
    }
    line(out, headers, widths, numeric);
    for (List<String> row : cells) {
      line(out, row, widths, numeric);
    }
    if (rows.isEmpty()) {
      out.println(whenEmpty);
    }
  }

  /** RFC 4180 CSV: a header line, then one line per row; numbers without separators. */
  void printCsv(PrintWriter out) {
    out.println(String.join(",", headers.stream().map(TablePrinter::csvField).toList()));
    for (List<Object> row : rows) {
      out.println(
          String.join(
              ",", row.stream().map(v -> v == null ? "" : csvField(v.toString())).toList()));
    }
  }

  private static String forTable(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Instant instant) {
      return utc(instant);
    }
    if (value instanceof Decimal decimal) {
      return decimal.grouped();
    }
    return value instanceof Long || value instanceof Integer
        ? String.format(Locale.ROOT, "%,d", ((Number) value).longValue())
        : value.toString();
  }

  /**
   * A number with a fixed count of decimals: grouped in tables ({@code 1,122.0}), plain in CSV
   * ({@code 1122.0}), with a '.' whatever the default locale.
   */
  record Decimal(double value, int digits) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    String grouped() {
      return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }
  }

  /** An instant as tables print it: UTC, to the second. */
  static String utc(Instant instant) {
    return TABLE_TIME.format(instant);
  }

  /** One CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break. */
  static String csvField(String value) {
    boolean needsQuotes =
        value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static boolean isNumber(Object value) {
    return value == null || value instanceof Number || value instanceof Decimal;
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths, boolean[] numeric) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String format = (numeric[i] ? "%" : "%-") + widths[i] + "s";
      text.append(String.format(format, cells.get(i))).append(i < cells.size() - 1 ? "  " : "");
    }
    out.println(text.toString().stripTrailing());
  }
}
