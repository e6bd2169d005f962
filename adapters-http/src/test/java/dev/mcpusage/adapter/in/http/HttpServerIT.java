package dev.mcpusage.adapter.in.http;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.inmemory.InMemoryUsageStatsReader;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.domain.stats.ClientUsage;
import dev.mcpusage.domain.stats.ErrorCount;
import dev.mcpusage.domain.stats.SourceUsage;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.window.TimeWindow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real HTTP calls against the Javalin server over in-memory stores. */
class HttpServerIT {

  private static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void summary_answersTheSeedsFieldsInSnakeCase() throws Exception {
    InMemoryUsageEvents events = new InMemoryUsageEvents();
    new InMemoryUsageEventSink(events)
        .append(
            List.of(
                anEvent()
                    .timestamp(NOW.minusSeconds(60))
                    .responseTimeMs(100)
                    .sessionId("a")
                    .build(),
                anEvent()
                    .timestamp(NOW.minusSeconds(30))
                    .responseTimeMs(300)
                    .success(false)
                    .sessionId("b")
                    .build()));
    start(new InMemoryUsageStatsReader(events));

    HttpResponse<String> response = get("/api/mcp/analytics/summary?hours=24");
    JsonNode json = HttpServer.objectMapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(json.get("total_calls").asLong()).isEqualTo(2);
    assertThat(json.get("successful_calls").asLong()).isEqualTo(1);
    assertThat(json.get("failed_calls").asLong()).isEqualTo(1);
    assertThat(json.get("success_rate").asDouble()).isEqualTo(50.0);
    assertThat(json.get("unique_sessions").asLong()).isEqualTo(2);
    assertThat(json.get("avg_response_time_ms").asDouble()).isEqualTo(200.0);
    assertThat(json.get("most_used_tool").asText()).isEqualTo("rag_search");
    assertThat(json.get("most_used_category").asText()).isEqualTo("rag");
    // 300 ms is estimated within the histogram's stated 10 %
    assertThat(json.get("p99_response_time_ms").asInt()).isBetween(270, 300);
  }

  @Test
  void summaryWithoutHours_defaultsTo24() throws Exception {
    start(new InMemoryUsageStatsReader(new InMemoryUsageEvents()));

    JsonNode json = HttpServer.objectMapper().readTree(get("/api/mcp/analytics/summary").body());

    assertThat(json.get("time_range_hours").asInt()).isEqualTo(24);
    assertThat(json.get("total_calls").asLong()).isZero();
    assertThat(json.get("most_used_tool").isNull()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hours=0| hours must be between 1 and 4320, was '0'",
        "hours=4321| hours must be between 1 and 4320, was '4321'",
        "hours=-5| hours must be between 1 and 4320, was '-5'",
        "hours=abc| hours must be an integer, was 'abc'",
        "hours=1%3B+DROP+TABLE+x| hours must be an integer, was '1; DROP TABLE x'",
        "hour=48| unknown parameter 'hour'; this endpoint takes hours, since, until,"
            + " tool_category, tool_name, server_name, client_type",
        "hours=24&hours=48| hours given 2 times; give it once",
        "until=2026-11-24| until needs since",
        "since=2026-11-24&hours=5| choose hours or since/until, not both",
        "since=yesterday| since must be an ISO-8601 instant such as 2026-11-30T08:00:00Z or a UTC"
            + " date such as 2026-11-30, was 'yesterday'",
        "since=2026-11-24T10:00:00Z&until=2026-11-24T09:00:00Z| since (2026-11-24T10:00:00Z) must"
            + " be before until (2026-11-24T09:00:00Z)"
      })
  void givenABadQuery_summary_is400NamingTheParameter(String query, String message)
      throws Exception {
    start(new InMemoryUsageStatsReader(new InMemoryUsageEvents()));

    HttpResponse<String> response = get("/api/mcp/analytics/summary?" + query);
    JsonNode json = HttpServer.objectMapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.get("error").asText()).isEqualTo("invalid_parameter");
    assertThat(json.get("message").asText()).isEqualTo(message);
  }

  @Test
  void givenSinceAndUntil_reads_coverTheWholeHoursOrDaysOfThatWindowOnly() throws Exception {
    InMemoryUsageEvents events = new InMemoryUsageEvents();
    new InMemoryUsageEventSink(events)
        .append(
            List.of(
                anEvent().timestamp(Instant.parse("2026-11-23T08:30:00Z")).build(),
                anEvent().timestamp(Instant.parse("2026-11-24T04:30:00Z")).build(),
                anEvent().timestamp(Instant.parse("2026-11-24T11:59:00Z")).build(),
                anEvent().timestamp(Instant.parse("2026-11-25T00:30:00Z")).build()));
    start(new InMemoryUsageStatsReader(events));

    JsonNode summary =
        HttpServer.objectMapper()
            .readTree(
                get("/api/mcp/analytics/summary?since=2026-11-24T00:10:00Z&until=2026-11-24T12:00:00Z")
                    .body());
    JsonNode daily =
        HttpServer.objectMapper()
            .readTree(get("/api/mcp/analytics/daily?since=2026-11-24&until=2026-11-25").body());

    assertThat(summary.get("time_range_hours").asInt()).isEqualTo(12);
    assertThat(summary.get("total_calls").asLong()).isEqualTo(2);
    assertThat(daily.get("time_range_hours").asInt()).isEqualTo(24);
    assertThat(daily.get("data")).hasSize(1);
    assertThat(daily.get("data").get(0).get("bucket").asText()).isEqualTo("2026-11-24T00:00:00Z");
    assertThat(daily.get("data").get(0).get("call_count").asLong()).isEqualTo(2);
  }

  @Test
  void givenAPortInUse_start_failsNamingThePortAndTheWayOut() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () ->
                  TestServers.start(
                      new InMemoryUsageStatsReader(new InMemoryUsageEvents()),
                      HttpSettings.loopback(taken.getLocalPort()),
                      Clock.fixed(NOW, ZoneOffset.UTC)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("is in use")
          .hasMessageContaining("--port");
    }
  }

  @Test
  void unknownPath_is404Json() throws Exception {
    start(new InMemoryUsageStatsReader(new InMemoryUsageEvents()));

    HttpResponse<String> response = get("/api/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(HttpServer.objectMapper().readTree(response.body()).get("error").asText())
        .isEqualTo("not_found");
  }

  @Test
  void health_is200WhenTheStoreAnswers_and503WhenItDoesNot() throws Exception {
    start(new InMemoryUsageStatsReader(new InMemoryUsageEvents()));
    HttpResponse<String> up = get("/health");
    server.stop();
    start(new UnreachableReader());

    HttpResponse<String> down = get("/health");
    HttpResponse<String> summary = get("/api/mcp/analytics/summary");

    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).contains("\"status\":\"ok\"").contains("\"database\":\"up\"");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"database\":\"down\"").contains("connection refused");
    assertThat(summary.statusCode()).isEqualTo(503);
    assertThat(summary.body()).contains("\"error\":\"store_unavailable\"");
  }

  private void start(UsageStatsReader reader) {
    server = TestServers.start(reader, HttpSettings.loopback(0), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A reader whose database is down. */
  private static final class UnreachableReader implements UsageStatsReader {
    private static StoreUnavailableException down() {
      return new StoreUnavailableException(
          "PostgreSQL at jdbc:postgresql://127.0.0.1:1/x failed: connection refused", null);
    }

    @Override
    public List<ToolStats> toolTotals(TimeWindow window, UsageFilter filter) {
      throw down();
    }

    @Override
    public long uniqueSessions(TimeWindow window, UsageFilter filter) {
      throw down();
    }

    @Override
    public List<UsageRollup> hourly(TimeWindow window, UsageFilter filter) {
      throw down();
    }

    @Override
    public List<UsageRollup> daily(TimeWindow window, UsageFilter filter) {
      throw down();
    }

    @Override
    public List<ClientUsage> clients(TimeWindow window, UsageFilter filter) {
      throw down();
    }

    @Override
    public List<ErrorCount> errors(TimeWindow window, UsageFilter filter) {
      throw down();
    }

    @Override
    public List<SourceUsage> topSources(TimeWindow window, UsageFilter filter, int limit) {
      throw down();
    }

    @Override
    public boolean isEmpty() {
      throw down();
    }
  }
}
