package dev.mcpusage.adapter.in.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpusage.application.port.in.RecordBatchCommand;
import dev.mcpusage.application.port.in.RecordResult;
import dev.mcpusage.application.port.in.RecordUsage;
import dev.mcpusage.domain.event.Adjustment;
import dev.mcpusage.domain.event.InvalidUsageEventException;
import dev.mcpusage.domain.event.UsageEvent;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Controller: {@code POST /api/mcp/events} — a JSON array or NDJSON of events from a server in any
 * language, optionally gzip-compressed. Invalid events are reported by index and the rest of the
 * batch is stored.
 */
public final class IngestController {

  /** Largest request body accepted. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  // how Jackson names a place in its messages: "[Source: REDACTED (...); line: 1, column: 9]"
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  private final RecordUsage recordUsage;
  private final Clock clock;
  // two objects on one line would otherwise be read as the first alone, the second lost unseen
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final HttpMetrics metrics;

  IngestController(RecordUsage recordUsage, Clock clock, HttpMetrics metrics) {
    this.recordUsage = recordUsage;
    this.clock = clock;
    this.metrics = metrics;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.post(
            "/api/mcp/events",
            "Record events: a JSON array or NDJSON of the seed's columns (Content-Encoding: gzip"
                + " accepted); each refused event by index, one entry per broken field",
            this::ingest));
  }

  void ingest(Context ctx) {
    if (ctx.contentLength() > MAX_BODY_BYTES) {
      throw new PayloadTooLargeException(
          "the body holds "
              + ctx.contentLength()
              + " bytes; at most "
              + MAX_BODY_BYTES
              + " are accepted per request: split the batch");
    }
    List<Item> items = parse(RequestBody.text(ctx, MAX_BODY_BYTES));
    if (items.size() > RecordBatchCommand.MAX_EVENTS) {
      throw new PayloadTooLargeException(
          "the body holds "
              + items.size()
              + " events; at most "
              + RecordBatchCommand.MAX_EVENTS
              + " are accepted per request: split the batch");
    }
    List<EventNote> rejected = new ArrayList<>();
    List<EventNote> adjusted = new ArrayList<>();
    List<UsageEvent> events = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).json() == null) {
        rejected.add(new EventNote(i, "event", items.get(i).syntaxError()));
        continue;
      }
      try {
        EventJsonMapper.Mapped mapped =
            EventJsonMapper.toEvent(items.get(i).json(), clock.instant());
        events.add(mapped.event());
        positions.add(i);
        for (Adjustment adjustment : mapped.adjustments()) {
          adjusted.add(new EventNote(i, adjustment.field(), adjustment.message()));
        }
      } catch (InvalidUsageEventException e) {
        for (InvalidUsageEventException.Problem problem : e.problems()) {
          rejected.add(new EventNote(i, problem.field(), problem.toString()));
        }
      }
    }
    RecordResult result = recordUsage.record(new RecordBatchCommand(events));
    result
        .rejections()
        .forEach(
            r -> rejected.add(new EventNote(positions.get(r.index()), r.field(), r.message())));
    result
        .adjustments()
        .forEach(
            a -> adjusted.add(new EventNote(positions.get(a.index()), a.field(), a.message())));
    rejected.sort(Comparator.comparingInt(EventNote::index));
    adjusted.sort(Comparator.comparingInt(EventNote::index));
    // an event with several problems has a note for each: count events, not notes
    long rejectedEvents = rejected.stream().mapToInt(EventNote::index).distinct().count();
    long adjustedEvents = adjusted.stream().mapToInt(EventNote::index).distinct().count();
    metrics.countIngest(result.stored(), result.duplicates(), (int) rejectedEvents, adjustedEvents);
    ctx.status(
            rejected.isEmpty() || result.stored() + result.duplicates() > 0
                ? HttpStatus.OK
                : HttpStatus.BAD_REQUEST)
        .json(
            new IngestResponse(
                items.size(),
                result.stored(),
                result.duplicates(),
                (int) rejectedEvents,
                rejected,
                (int) adjustedEvents,
                adjusted));
  }

  /**
   * The body's events: a JSON array must parse whole (400 otherwise); an NDJSON line that does not
   * parse is an item of its own, refused at its index like any other bad event.
   */
  private List<Item> parse(String body) {
    // the byte order mark some Windows tools write at the start of a UTF-8 file
    String trimmed = (body.startsWith("\uFEFF") ? body.substring(1) : body).strip();
    List<Item> items = new ArrayList<>();
    if (trimmed.isEmpty()) {
      return items;
    }
    if (trimmed.startsWith("[")) {
      try {
        json.readTree(trimmed).forEach(node -> items.add(new Item(node, null)));
        return items;
      } catch (JsonProcessingException e) {
        throw new InvalidParameterException(
            "body is not a valid JSON array: " + reason(e, true) + at(e, true));
      }
    }
    if (trimmed.indexOf('\n') >= 0) {
      try {
        // one event written over several lines, as an editor or `jq` prints it
        items.add(new Item(json.readTree(trimmed), null));
        return items;
      } catch (JsonProcessingException notOneValue) {
        // NDJSON: read line by line below
      }
    }
    String[] lines = trimmed.split("\n");
    for (int line = 0; line < lines.length; line++) {
      if (lines[line].isBlank()) {
        continue;
      }
      try {
        items.add(new Item(json.readTree(lines[line]), null));
      } catch (JsonProcessingException e) {
        items.add(
            new Item(
                null,
                "event: line "
                    + (line + 1)
                    + " is not valid JSON (NDJSON expects one object per line): "
                    + reason(e, false)
                    + at(e, false)));
      }
    }
    return items;
  }

  /** One event of the body: its JSON, or why its NDJSON line did not parse. */
  private record Item(JsonNode json, String syntaxError) {}

  /**
   * Response: how the batch went; {@code rejected} lists each problem of a refused event by the
   * event's 0-based index (one note per field), {@code adjusted} each change made to a stored event
   * (e.g. metadata over the size limit); the counts are of events.
   */
  record IngestResponse(
      int received,
      int stored,
      int duplicates,
      int rejectedCount,
      List<EventNote> rejected,
      int adjustedCount,
      List<EventNote> adjusted) {}

  /** Response: what happened to the event at {@code index}, and to which field. */
  record EventNote(int index, String field, String message) {}

  /** Error: the request is larger than one call accepts. */
  static final class PayloadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PayloadTooLargeException(String message) {
      super(message);
    }
  }

  /**
   * Jackson's reason, in words for a line holding two values, with the places it names given as
   * line and column instead of its source description.
   */
  private static String reason(JsonProcessingException e, boolean withLine) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Trailing token")) {
      return "a second JSON value follows the first (one object per line)";
    }
    return SOURCE_LOCATION
        .matcher(message)
        .replaceAll(withLine ? "line $1, column $2" : "column $2");
  }

  /** Where the parser stopped: line and column in the body, or the column of an NDJSON line. */
  private static String at(JsonProcessingException e, boolean withLine) {
    JsonLocation where = e.getLocation();
    if (where == null) {
      return "";
    }
    return withLine
        ? ", at line " + where.getLineNr() + ", column " + where.getColumnNr()
        : ", at column " + where.getColumnNr();
  }
}
