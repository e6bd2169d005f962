package dev.mcpusage.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/mcp/events}: JSON arrays and NDJSON, each refused event by index and field,
 * nothing else lost.
 */
class IngestIT {

  private static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() {
    server =
        TestServers.start(
            new InMemoryUsageEvents(), HttpSettings.loopback(0), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void givenAnArrayWithTwoBadEvents_ingest_storesTheRest_andNamesEachBadIndexAndField()
      throws Exception {
    String body =
        """
        [
          {"tool_name": "rag_search", "tool_category": "rag", "response_time_ms": 40, "session_id": "s1",
           "timestamp": "2026-11-25T10:00:00Z", "request_metadata": {"k": [1, {"x": true}]}},
          {"tool_category": "rag", "response_time_ms": 5},
          {"tool_name": "find_tasks", "tool_category": "task", "response_time_ms": 12, "success": false,
           "error_type": "TimeoutError", "client_type": "cursor"},
          {"tool_name": "x", "tool_category": "y", "response_time_ms": 1, "timestamp": "2026-11-26T10:00:00Z"}
        ]""";

    HttpResponse<String> response = post(body, TestServers.WRITER_TOKEN);
    JsonNode json = HttpServer.objectMapper().readTree(response.body());
    JsonNode summary =
        HttpServer.objectMapper().readTree(get("/api/mcp/analytics/summary?hours=1").body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.get("received").asInt()).isEqualTo(4);
    assertThat(json.get("stored").asInt()).isEqualTo(2);
    assertThat(json.get("rejected_count").asInt()).isEqualTo(2);
    assertThat(json.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
    assertThat(json.get("rejected").get(0).get("field").asText()).isEqualTo("tool_name");
    assertThat(json.get("rejected").get(1).get("index").asInt()).isEqualTo(3);
    assertThat(json.get("rejected").get(1).get("field").asText()).isEqualTo("timestamp");
    assertThat(summary.get("total_calls").asInt()).isEqualTo(2);
    assertThat(summary.get("failed_calls").asInt()).isEqualTo(1);
  }

  @Test
  void givenAnEventWithThreeBadFields_ingest_namesEachField_andCountsTheEventOnce()
      throws Exception {
    String body =
        """
        [
          {"tool_name": " ", "tool_category": "rag", "response_time_ms": -1, "success": "maybe"},
          {"tool_name": "ok", "tool_category": "rag", "response_time_ms": 3}
        ]""";

    HttpResponse<String> response = post(body, TestServers.WRITER_TOKEN);
    JsonNode json = HttpServer.objectMapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.get("stored").asInt()).isEqualTo(1);
    assertThat(json.get("rejected_count").asInt()).isEqualTo(1);
    assertThat(json.get("rejected"))
        .extracting(r -> r.get("index").asInt() + " " + r.get("message").asText())
        .containsExactly(
            "0 success: must be true or false, was maybe",
            "0 tool_name: is required and must not be blank",
            "0 response_time_ms: must be >= 0, was -1");
    assertThat(get("/metrics").body())
        .contains("mcp_usage_ingest_events_total{outcome=\"rejected\"} 1");
  }

  @Test
  void givenNdjson_ingest_storesEveryLine_andIsIdempotentById() throws Exception {
    String body =
        """
        {"id": "7b1b3b7e-9d7b-4a53-9a57-5a3f1a2e0c11", "tool_name": "a", "tool_category": "c", "response_time_ms": 1}
        {"id": "5c0e3b7e-9d7b-4a53-9a57-5a3f1a2e0c22", "tool_name": "b", "tool_category": "c", "response_time_ms": 2}
        """;

    JsonNode first =
        HttpServer.objectMapper().readTree(post(body, TestServers.WRITER_TOKEN).body());
    JsonNode second =
        HttpServer.objectMapper().readTree(post(body, TestServers.WRITER_TOKEN).body());

    assertThat(first.get("stored").asInt()).isEqualTo(2);
    assertThat(second.get("stored").asInt()).isZero();
    assertThat(second.get("duplicates").asInt()).isEqualTo(2);
    assertThat(get("/metrics").body())
        .contains("mcp_usage_ingest_events_total{outcome=\"stored\"} 2")
        .contains("mcp_usage_ingest_events_total{outcome=\"duplicate\"} 2");
  }

  @Test
  void givenOneEventOverSeveralLinesOrAfterAByteOrderMark_ingest_storesIt() throws Exception {
    String body =
        """
        {
          "tool_name": "a",
          "tool_category": "c",
          "response_time_ms": 1
        }
        """;

    JsonNode json = HttpServer.objectMapper().readTree(post(body, TestServers.WRITER_TOKEN).body());
    JsonNode afterMark =
        HttpServer.objectMapper()
            .readTree(
                post(
                        "\uFEFF{\"tool_name\": \"b\", \"tool_category\": \"c\", \"response_time_ms\": 2}",
                        TestServers.WRITER_TOKEN)
                    .body());

    assertThat(json.get("received").asInt()).isEqualTo(1);
    assertThat(json.get("stored").asInt()).isEqualTo(1);
    assertThat(afterMark.get("stored").asInt()).as(afterMark.toString()).isEqualTo(1);
  }

  @Test
  void givenWrongTypesOrUnknownColumns_ingest_namesTheField() throws Exception {
    String body =
        """
        [{"tool_name": "a", "tool_category": "c", "response_time_ms": "fast"},
         {"tool_name": "a", "tool_category": "c", "response_time_ms": 3, "latency": 3},
         {"tool_name": "a", "tool_category": "c", "response_time_ms": -3}]""";

    JsonNode json = HttpServer.objectMapper().readTree(post(body, TestServers.WRITER_TOKEN).body());

    assertThat(json.get("rejected"))
        .extracting(r -> r.get("field").asText())
        .containsExactly("response_time_ms", "latency", "response_time_ms");
    assertThat(json.get("rejected").get(2).get("message").asText()).contains(">= 0");
  }

  @Test
  void givenAMalformedArray_ingest_is400WithTheLine_andTokensAreRequired() throws Exception {
    HttpResponse<String> malformed =
        post("[{\"tool_name\": \"a\"},\n{oops]", TestServers.WRITER_TOKEN);
    HttpResponse<String> reader = post("[]", TestServers.READER_TOKEN);
    HttpResponse<String> anonymous =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/mcp/events"))
                .POST(HttpRequest.BodyPublishers.ofString("[]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("not a valid JSON array").contains("at line 2, column");
    HttpResponse<String> unclosed = post("[{\"tool_name\": \"a\"}", TestServers.WRITER_TOKEN);
    assertThat(unclosed.statusCode()).isEqualTo(400);
    assertThat(unclosed.body())
        .contains("expected close marker for Array (start marker at line 1, column 1)")
        .doesNotContain("Source:");
    assertThat(reader.statusCode()).isEqualTo(403);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void givenNdjsonWithLinesThatDoNotParse_ingest_refusesThoseLines_andStoresTheRest()
      throws Exception {
    String body =
        """
        {"tool_name": "a", "tool_category": "c", "response_time_ms": 1}
        {oops
        {"tool_name": "unclosed"

        {"tool_name": "b", "tool_category": "c", "response_time_ms": 2} {"tool_name": "lost"}
        {"tool_name": "d", "tool_category": "c", "response_time_ms": 4}
        """;

    HttpResponse<String> response = post(body, TestServers.WRITER_TOKEN);
    JsonNode json = HttpServer.objectMapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.get("received").asInt()).isEqualTo(5);
    assertThat(json.get("stored").asInt()).isEqualTo(2);
    assertThat(json.get("rejected"))
        .extracting(r -> r.get("index").asInt() + " " + r.get("field").asText())
        .containsExactly("1 event", "2 event", "3 event");
    assertThat(json.get("rejected").get(0).get("message").asText())
        .startsWith("event: line 2 is not valid JSON");
    assertThat(json.get("rejected").get(1).get("message").asText())
        .startsWith("event: line 3 is not valid JSON")
        .contains("expected close marker for Object (start marker at column 1), at column 25")
        .doesNotContain("Source:");
    assertThat(json.get("rejected").get(2).get("message").asText())
        .contains("line 5")
        .contains("a second JSON value follows the first");
    assertThat(get("/metrics").body())
        .contains("mcp_usage_ingest_events_total{outcome=\"rejected\"} 3");
  }

  @Test
  void givenABodyOverTheLimit_ingest_is413SayingHowToSplit() throws Exception {
    // a raw request announcing one byte over the limit: the server must answer from the headers,
    // before the body arrives (a client streaming 16 MB could race the connection's close)
    URI uri = URI.create(server.baseUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/mcp/events HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Authorization: Bearer "
                  + TestServers.WRITER_TOKEN
                  + "\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: "
                  + (IngestController.MAX_BODY_BYTES + 1)
                  + "\r\n\r\n[")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response =
          new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response).contains("payload_too_large").contains("split the batch");
    }
  }

  @Test
  void givenAGzipBody_ingest_storesItsEvents_andRefusesBadOrOversizedOrOtherEncodings()
      throws Exception {
    String ndjson =
        """
        {"tool_name": "find_tasks", "tool_category": "task", "response_time_ms": 12}
        {"tool_name": "find_tasks", "tool_category": "task", "response_time_ms": 14}
        """;
    // 17 MB of spaces compress to ~17 kB: the limit applies to what the body inflates to
    byte[] bomb = gzip("[" + " ".repeat((int) IngestController.MAX_BODY_BYTES) + "]");

    HttpResponse<String> stored = postEncoded(gzip(ndjson), "gzip");
    HttpResponse<String> inflated = postEncoded(bomb, "gzip");
    HttpResponse<String> notGzip = postEncoded(ndjson.getBytes(StandardCharsets.UTF_8), "gzip");
    HttpResponse<String> brotli = postEncoded(gzip(ndjson), "br");
    JsonNode summary =
        HttpServer.objectMapper().readTree(get("/api/mcp/analytics/summary?hours=1").body());

    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(stored.body()).contains("\"stored\":2");
    assertThat(bomb.length).isLessThan(100_000);
    assertThat(inflated.statusCode()).isEqualTo(413);
    assertThat(inflated.body()).contains("inflates to more than").contains("split the batch");
    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(notGzip.body()).contains("not valid gzip");
    assertThat(brotli.statusCode()).isEqualTo(415);
    assertThat(brotli.body()).contains("unsupported_content_encoding").contains("'br'");
    assertThat(summary.get("total_calls").asLong()).isEqualTo(2);
  }

  private static byte[] gzip(String text) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private HttpResponse<String> postEncoded(byte[] body, String encoding) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/mcp/events"))
            .header("Authorization", "Bearer " + TestServers.WRITER_TOKEN)
            .header("Content-Encoding", encoding)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String body, String token) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/mcp/events"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
