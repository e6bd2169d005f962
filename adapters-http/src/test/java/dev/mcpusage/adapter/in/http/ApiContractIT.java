package dev.mcpusage.adapter.in.http;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.inmemory.InMemoryUsageStatsReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route, driven from the server's own route table: validation, auth, ETags, OpenAPI. */
class ApiContractIT {

  private static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void everyIntegerParameter_outOfRangeOrMalformed_is400NamingItAndItsRange() throws Exception {
    server = start(HttpSettings.loopback(0));
    List<String> failures = new ArrayList<>();

    for (ApiRoute route : server.routes()) {
      for (ApiParameter parameter : route.parameters()) {
        if (!parameter.integer()) {
          continue;
        }
        for (String bad :
            List.of(
                String.valueOf(parameter.min() - 1),
                String.valueOf(parameter.max() + 1),
                "-1",
                "abc",
                "1.5",
                "1; DROP TABLE archon_mcp_usage_events",
                "' OR 1=1 --")) {
          HttpResponse<String> response =
              send(
                  route.method(),
                  route.path() + "?" + parameter.name() + "=" + encode(bad),
                  Optional.of(TestServers.WRITER_TOKEN));
          JsonNode json = HttpServer.objectMapper().readTree(response.body());
          String message = json.path("message").asText();
          if (response.statusCode() != 400
              || !json.path("error").asText().equals("invalid_parameter")
              || !message.startsWith(parameter.name() + " must be")
              || !(message.contains(parameter.min() + " and " + parameter.max())
                  || message.contains("integer"))) {
            failures.add(
                route.path()
                    + " "
                    + parameter.name()
                    + "="
                    + bad
                    + " -> "
                    + response.statusCode()
                    + " "
                    + response.body());
          }
        }
      }
    }

    assertThat(failures).isEmpty();
  }

  @Test
  void everyReadRoute_answersJson_andAnEtagThatGives304WhenUnchanged() throws Exception {
    server = start(HttpSettings.loopback(0));

    for (ApiRoute route : server.routes()) {
      if (!route.method().equals("GET") || route.path().equals("/metrics")) {
        continue; // metrics change with every request, by design
      }
      HttpResponse<String> first = send("GET", route.path(), Optional.empty());
      String etag = first.headers().firstValue("ETag").orElse(null);
      HttpResponse<String> again =
          client.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + route.path()))
                  .header("If-None-Match", etag)
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(first.statusCode()).as(route.path()).isEqualTo(200);
      assertThat(etag).as(route.path() + " ETag").isNotBlank();
      assertThat(again.statusCode()).as(route.path() + " with If-None-Match").isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
  }

  @Test
  void givenTokensRequired_readsNeedAToken_writesNeedTheWriterToken() throws Exception {
    server = start(new HttpSettings("127.0.0.1", 0, false, List.of()));
    String summary = "/api/mcp/analytics/summary";
    String cleanup = "/api/mcp-analytics/cleanup";

    assertThat(send("GET", summary, Optional.empty()).statusCode()).isEqualTo(401);
    assertThat(send("GET", summary, Optional.of("not-a-token")).statusCode()).isEqualTo(401);
    assertThat(send("GET", summary, Optional.of(TestServers.READER_TOKEN)).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", summary, Optional.of(TestServers.WRITER_TOKEN)).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", cleanup, Optional.empty()).statusCode()).isEqualTo(401);
    HttpResponse<String> readerOnWriter =
        send("POST", cleanup, Optional.of(TestServers.READER_TOKEN));
    assertThat(readerOnWriter.statusCode()).isEqualTo(403);
    assertThat(readerOnWriter.body()).contains("\"error\":\"forbidden\"");
    assertThat(send("POST", cleanup, Optional.of(TestServers.WRITER_TOKEN)).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/health", Optional.empty()).statusCode()).isEqualTo(200);
  }

  @Test
  void givenLoopbackDefaults_readsNeedNoToken_butWritesStillDo() throws Exception {
    server = start(HttpSettings.loopback(0));

    assertThat(send("GET", "/api/mcp/analytics/tools", Optional.empty()).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/api/mcp-analytics/refresh-views", Optional.empty()).statusCode())
        .isEqualTo(401);
    assertThat(
            send("POST", "/api/mcp-analytics/refresh-views", Optional.of(TestServers.WRITER_TOKEN))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void givenNonLoopbackHostWithoutOperatorTokens_start_refusesWithAClearMessage() {
    HttpServer exposed =
        new HttpServer(
            new HttpSettings("0.0.0.0", 0, true, List.of()),
            null,
            null,
            null,
            new GeneratedTokens(),
            null,
            Clock.systemUTC());
    server = start(HttpSettings.loopback(0));

    org.assertj.core.api.Assertions.assertThatThrownBy(exposed::start)
        .hasMessageContaining("refusing to listen on 0.0.0.0 without tokens")
        .hasMessageContaining("MCP_USAGE_READER_TOKEN");
  }

  @Test
  void openApiDocument_listsExactlyTheServedRoutes_withTheirParameterRanges() throws Exception {
    server = start(HttpSettings.loopback(0));

    JsonNode paths =
        HttpServer.objectMapper()
            .readTree(send("GET", "/openapi.json", Optional.empty()).body())
            .get("paths");
    List<String> documented = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
    }

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            server.routes().stream().map(route -> route.method() + " " + route.path()).toList());
    for (String route : documented) {
      String[] parts = route.split(" ");
      int status = send(parts[0], parts[1], Optional.of(TestServers.WRITER_TOKEN)).statusCode();
      assertThat(status).as(route + " is served").isNotEqualTo(404);
    }
    assertThat(paths.at("/~1api~1mcp~1analytics~1hourly/get/parameters/0/schema/maximum").asInt())
        .isEqualTo(168);
  }

  @Test
  void corsHeaders_areSentOnlyToConfiguredOrigins() throws Exception {
    server = start(new HttpSettings("127.0.0.1", 0, true, List.of("https://dash.example")));

    HttpResponse<String> allowed =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health"))
                .header("Origin", "https://dash.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> other =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health"))
                .header("Origin", "https://evil.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://dash.example");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void metrics_countRequestsPerRouteInPrometheusText() throws Exception {
    server = start(HttpSettings.loopback(0));
    send("GET", "/api/mcp/analytics/summary", Optional.empty());
    send("GET", "/api/mcp/analytics/summary?hours=0", Optional.empty());

    HttpResponse<String> metrics = send("GET", "/metrics", Optional.empty());

    assertThat(metrics.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("mcp_usage_store_up 1")
        .contains(
            "mcp_usage_http_requests_total{method=\"GET\",route=\"/api/mcp/analytics/summary\",status=\"200\"} 1")
        .contains(
            "mcp_usage_http_requests_total{method=\"GET\",route=\"/api/mcp/analytics/summary\",status=\"400\"} 1");
  }

  private HttpServer start(HttpSettings settings) {
    InMemoryUsageEvents events = new InMemoryUsageEvents();
    new InMemoryUsageEventSink(events)
        .append(
            List.of(
                anEvent().timestamp(NOW.minusSeconds(60)).sourceId("docs").build(),
                anEvent()
                    .timestamp(NOW.minusSeconds(30))
                    .success(false)
                    .errorType("TimeoutError")
                    .build()));
    return TestServers.start(
        new InMemoryUsageStatsReader(events), settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private HttpResponse<String> send(String method, String pathAndQuery, Optional<String> token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody());
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Tokens the product generated, not the operator. */
  private static final class GeneratedTokens
      implements dev.mcpusage.application.port.in.ProvideAccessTokens {
    @Override
    public dev.mcpusage.domain.access.AccessTokens accessTokens() {
      return TestServers.tokens().accessTokens();
    }

    @Override
    public boolean configuredByOperator() {
      return false;
    }

    @Override
    public boolean generatedNow() {
      return false;
    }
  }
}
