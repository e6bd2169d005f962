package dev.mcpusage.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcpusage.adapter.out.http.HttpUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.application.port.out.UsageEventSink.AppendResult;
import dev.mcpusage.application.port.out.UsageEventSink.Refusal;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP sink (a process sending its events to a central mcp-usage server) against the real
 * ingest endpoint: stored, idempotent, refusals by index, split when too large, and every failure
 * reported as an unavailable store so that the tracker keeps the events.
 */
class HttpUsageEventSinkIT {

  private static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
  private final InMemoryUsageEvents stored = new InMemoryUsageEvents();
  private HttpServer server;

  @BeforeEach
  void start() {
    server = TestServers.start(stored, HttpSettings.loopback(0), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void givenABatch_append_storesEveryField_andASecondAppendCountsDuplicates() {
    HttpUsageEventSink sink = sink(TestServers.WRITER_TOKEN);
    UsageEvent full =
        event(1)
            .sessionId("s-1")
            .clientType("cursor")
            .requestMetadata(Map.of("k", List.of(1, Map.of("x", true))))
            .sourceId("docs")
            .queryText("how to")
            .matchCount(3)
            .success(false)
            .errorType("TimeoutError")
            .build();
    List<UsageEvent> batch = List.of(full, event(2).build(), event(3).build());

    AppendResult first = sink.append(batch);
    AppendResult again = sink.append(batch);

    assertThat(first).isEqualTo(new AppendResult(3, 0));
    assertThat(again).isEqualTo(new AppendResult(0, 3));
    assertThat(stored.all()).hasSize(3).contains(full);
  }

  @Test
  void givenAnEventTheServerRefuses_append_namesItsIndexAndField_andStoresTheRest() {
    UsageEvent tomorrow = event(2).timestamp(NOW.plus(Duration.ofDays(1))).build();

    AppendResult result =
        sink(TestServers.WRITER_TOKEN).append(List.of(event(1).build(), tomorrow));

    assertThat(result.inserted()).isEqualTo(1);
    assertThat(result.refused())
        .extracting(Refusal::index, Refusal::field, r -> r.message().contains("in the future"))
        .containsExactly(tuple(1, "timestamp", true));
  }

  @Test
  void givenABatchOverTheRequestLimit_append_splitsIt_andStoresAll() {
    String kilobytes = "x".repeat(15 * 1024);
    List<UsageEvent> batch = new ArrayList<>();
    IntStream.range(0, 1_200)
        .forEach(i -> batch.add(event(i).requestMetadata(Map.of("blob", kilobytes + i)).build()));

    AppendResult result = sink(TestServers.WRITER_TOKEN).append(batch);

    assertThat(batch.size() * 15L * 1024).isGreaterThan(IngestController.MAX_BODY_BYTES);
    assertThat(result).isEqualTo(new AppendResult(1_200, 0));
    assertThat(stored.all()).hasSize(1_200);
  }

  @Test
  void givenAWrongTokenOrNoServer_append_reportsTheStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpUsageEventSink nobody =
        new HttpUsageEventSink(URI.create("http://127.0.0.1:" + closedPort), "any-token");
    List<UsageEvent> batch = List.of(event(1).build());

    assertThatThrownBy(() -> sink(TestServers.READER_TOKEN).append(batch))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("answered 403");
    assertThatThrownBy(() -> nobody.append(batch))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(
            "cannot reach the mcp-usage server at http://127.0.0.1:" + closedPort);
    assertThat(stored.all()).isEmpty();
  }

  @Test
  void givenAnAnswerThatDoesNotAccountForEveryEvent_append_keepsTheBatch() throws Exception {
    // a peer that answers 400 about the request itself (an error body, no per-event report)
    com.sun.net.httpserver.HttpServer peer =
        peerAnswering(
            400, "{\"error\":\"invalid_parameter\",\"message\":\"body line 1 is not valid JSON\"}");
    try {
      HttpUsageEventSink sink = sinkTo(peer);

      assertThatThrownBy(() -> sink.append(List.of(event(1).build(), event(2).build())))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("accounted for 0 of 2 events")
          .hasMessageContaining("invalid_parameter");
    } finally {
      peer.stop(0);
    }
  }

  @Test
  void givenAnEventRefusedForTwoFields_append_countsOneRefusalNamingBoth() throws Exception {
    // the server writes a note per broken field of an event (here a newer server's own limits)
    com.sun.net.httpserver.HttpServer peer =
        peerAnswering(
            200,
            "{\"received\":2,\"stored\":1,\"duplicates\":0,\"rejected_count\":1,\"rejected\":["
                + "{\"index\":1,\"field\":\"tool_name\",\"message\":\"tool_name: too long\"},"
                + "{\"index\":1,\"field\":\"session_id\",\"message\":\"session_id: too long\"}]}");
    try {
      HttpUsageEventSink sink = sinkTo(peer);

      AppendResult result = sink.append(List.of(event(1).build(), event(2).build()));

      assertThat(result.inserted()).isEqualTo(1);
      assertThat(result.refused())
          .containsExactly(
              new Refusal(1, "tool_name", "tool_name: too long; session_id: too long"));
    } finally {
      peer.stop(0);
    }
  }

  /** A peer that answers every request with {@code status} and {@code body}, started. */
  private static com.sun.net.httpserver.HttpServer peerAnswering(int status, String body)
      throws IOException {
    com.sun.net.httpserver.HttpServer peer =
        com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    peer.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    peer.start();
    return peer;
  }

  private static HttpUsageEventSink sinkTo(com.sun.net.httpserver.HttpServer peer) {
    return new HttpUsageEventSink(
        URI.create("http://127.0.0.1:" + peer.getAddress().getPort()), "any-token");
  }

  private HttpUsageEventSink sink(String token) {
    return new HttpUsageEventSink(URI.create(server.baseUrl() + "/"), token);
  }

  private static UsageEvent.Builder event(int i) {
    return UsageEvent.builder()
        .timestamp(NOW.minus(Duration.ofMinutes(i % 60)))
        .serverName("sender")
        .toolName("tool_" + (i % 3))
        .toolCategory("cat")
        .responseTimeMs(10 + i);
  }
}
