package dev.mcpusage.adapter.in.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Input: RFC 4180 CSV records read one at a time — quoted fields may hold commas, quotes ({@code
 * ""}) and line breaks — each with the line it starts on.
 */
final class CsvRecords {

  private final Reader in;
  private long line = 1;
  private int pushedBack = -2;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** A record and the line it starts on. */
  record CsvRecord(long line, List<String> fields) {}

  /** The next record, or empty at the end of the input. */
  Optional<CsvRecord> next() throws IOException {
    int c = read();
    while (c == '\n' || c == '\r') {
      c = read();
    }
    if (c == -1) {
      return Optional.empty();
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("line " + start + ": a quoted field is never closed");
        }
        if (c == '"') {
          int after = read();
          if (after == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = after;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r' || c == -1) {
        if (c == '\r') {
          int after = read();
          if (after != '\n') {
            unread(after);
          }
        }
        fields.add(field.toString());
        return Optional.of(new CsvRecord(start, fields));
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    int c;
    if (pushedBack != -2) {
      c = pushedBack;
      pushedBack = -2;
    } else {
      c = in.read();
    }
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private void unread(int c) {
    if (c == '\n') {
      line--;
    }
    pushedBack = c;
  }
}
