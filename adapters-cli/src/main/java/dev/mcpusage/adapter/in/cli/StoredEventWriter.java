package dev.mcpusage.adapter.in.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mcpusage.application.port.out.StoredEvent;
import dev.mcpusage.domain.event.EventColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/** Output: stored events as CSV (a header line, the seed's columns) or as JSON Lines. */
final class StoredEventWriter {

  private final Writer out;
  private final EventFileFormat format;
  private final JsonFactory json = new JsonFactory();

  StoredEventWriter(Writer out, EventFileFormat format) {
    this.out = out;
    this.format = format;
  }

  /** Writes what comes before the first event (the CSV header). */
  void begin() {
    if (format == EventFileFormat.CSV) {
      write(String.join(",", EventColumns.NAMES) + "\n");
    }
  }

  void write(StoredEvent event) {
    write(format == EventFileFormat.CSV ? csv(event) : jsonLine(event));
  }

  private static String csv(StoredEvent e) {
    List<String> fields =
        List.of(
            e.id(),
            e.timestamp().toString(),
            e.serverName(),
            e.toolName(),
            e.toolCategory(),
            e.sessionId().orElse(""),
            e.clientType().orElse(""),
            e.requestMetadataJson(),
            e.sourceId().orElse(""),
            e.queryText().orElse(""),
            e.matchCount().map(String::valueOf).orElse(""),
            Integer.toString(e.responseTimeMs()),
            Boolean.toString(e.success()),
            e.errorType().orElse(""));
    return String.join(",", fields.stream().map(TablePrinter::csvField).toList()) + "\n";
  }

  private String jsonLine(StoredEvent e) {
    java.io.StringWriter line = new java.io.StringWriter(256);
    try (JsonGenerator g = json.createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("id", e.id());
      g.writeStringField("timestamp", e.timestamp().toString());
      g.writeStringField("server_name", e.serverName());
      g.writeStringField("tool_name", e.toolName());
      g.writeStringField("tool_category", e.toolCategory());
      optional(g, "session_id", e.sessionId());
      optional(g, "client_type", e.clientType());
      g.writeFieldName("request_metadata");
      g.writeRawValue(e.requestMetadataJson());
      optional(g, "source_id", e.sourceId());
      optional(g, "query_text", e.queryText());
      if (e.matchCount().isPresent()) {
        g.writeNumberField("match_count", e.matchCount().get());
      }
      g.writeNumberField("response_time_ms", e.responseTimeMs());
      g.writeBooleanField("success", e.success());
      optional(g, "error_type", e.errorType());
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return line.append('\n').toString();
  }

  private static void optional(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    }
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export", e);
    }
  }
}
