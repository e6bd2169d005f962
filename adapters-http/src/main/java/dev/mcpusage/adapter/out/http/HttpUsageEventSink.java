package dev.mcpusage.adapter.out.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter (HTTP client): stores batches on a central mcp-usage server through its {@code POST
 * /api/mcp/events} — NDJSON, gzip-compressed, with the writer token. A server that cannot be
 * reached, or that answers with an error other than "too large", is reported as unavailable, so the
 * tracker keeps the batch, retries and spools it; a batch too large for one request is split.
 */
public final class HttpUsageEventSink implements UsageEventSink {

  private static final Logger LOG = LoggerFactory.getLogger(HttpUsageEventSink.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final String token;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  /** {@code serverUrl} is the server's base URL, e.g. {@code http://analytics:8181}. */
  public HttpUsageEventSink(URI serverUrl, String token) {
    String base = serverUrl.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/api/mcp/events");
    this.token = token;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public AppendResult append(List<UsageEvent> events) {
    if (events.isEmpty()) {
      return new AppendResult(0, 0);
    }
    HttpResponse<String> response = post(gzippedNdjson(events));
    if (response.statusCode() == 413 && events.size() > 1) {
      List<UsageEvent> first = events.subList(0, events.size() / 2);
      List<UsageEvent> second = events.subList(events.size() / 2, events.size());
      return sum(append(first), append(second), first.size());
    }
    if (response.statusCode() != 200 && response.statusCode() != 400) {
      throw new StoreUnavailableException(
          "the mcp-usage server at "
              + endpoint
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return result(response.body(), events.size());
  }

  private HttpResponse<String> post(byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-ndjson")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "cannot reach the mcp-usage server at "
              + endpoint
              + ": "
              + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(
          "interrupted while sending to the mcp-usage server at " + endpoint, e);
    }
  }

  /** The server's answer; events it refused (its own checks) are counted by field and logged. */
  private AppendResult result(String body, int sent) {
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "the mcp-usage server at " + endpoint + " answered something else than JSON: " + body, e);
    }
    // every event sent must come back stored, known or refused: a 400 about the request itself
    // (an error body) accounts for none, and the tracker must keep the batch, not lose it
    Map<Integer, Refusal> refusals = refusals(answer.path("rejected"));
    int accounted =
        answer.path("stored").asInt() + answer.path("duplicates").asInt() + refusals.size();
    if (!answer.has("received") || accounted != sent) {
      throw new StoreUnavailableException(
          "the mcp-usage server at "
              + endpoint
              + " accounted for "
              + accounted
              + " of "
              + sent
              + " events: "
              + body);
    }
    for (Refusal refusal : refusals.values()) {
      LOG.warn("the mcp-usage server at {} refused an event: {}", endpoint, refusal.message());
    }
    return new AppendResult(
        answer.path("stored").asInt(),
        answer.path("duplicates").asInt(),
        List.copyOf(refusals.values()));
  }

  /**
   * The refused events, one each: the server writes a note per broken field, so an event's notes
   * become one refusal under its first field, with every note's message.
   */
  private static Map<Integer, Refusal> refusals(JsonNode notes) {
    Map<Integer, Refusal> refusals = new LinkedHashMap<>();
    for (JsonNode note : notes) {
      int index = note.path("index").asInt();
      String message = note.path("message").asText();
      refusals.merge(
          index,
          new Refusal(index, note.path("field").asText("event"), message),
          (first, next) ->
              new Refusal(index, first.field(), first.message() + "; " + next.message()));
    }
    return refusals;
  }

  /** The results of a batch's two halves; the second's indexes move by the first's size. */
  private static AppendResult sum(AppendResult a, AppendResult b, int offset) {
    List<Refusal> refused = new ArrayList<>(a.refused());
    b.refused().forEach(r -> refused.add(new Refusal(r.index() + offset, r.field(), r.message())));
    return new AppendResult(a.inserted() + b.inserted(), a.duplicates() + b.duplicates(), refused);
  }

  private byte[] gzippedNdjson(List<UsageEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 120);
    try (OutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
      for (UsageEvent event : events) {
        json.writeValue(new NonClosing(out), columns(event));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The event as the seed's columns, which the ingest endpoint reads. */
  private static Map<String, Object> columns(UsageEvent e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", e.id().toString());
    row.put("timestamp", e.timestamp().toString());
    row.put("server_name", e.serverName());
    row.put("tool_name", e.toolName());
    row.put("tool_category", e.toolCategory());
    e.sessionId().ifPresent(v -> row.put("session_id", v));
    e.clientType().ifPresent(v -> row.put("client_type", v));
    row.put("request_metadata", e.requestMetadata());
    e.sourceId().ifPresent(v -> row.put("source_id", v));
    e.queryText().ifPresent(v -> row.put("query_text", v));
    e.matchCount().ifPresent(v -> row.put("match_count", v));
    row.put("response_time_ms", e.responseTimeMs());
    row.put("success", e.success());
    e.errorType().ifPresent(v -> row.put("error_type", v));
    return row;
  }

  /** Jackson closes the stream it writes a value to; the gzip stream must stay open. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
