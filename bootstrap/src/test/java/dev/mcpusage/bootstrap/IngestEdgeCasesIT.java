package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import dev.mcpusage.adapter.in.http.HttpServer;
import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.in.TrackerStatistics;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.UsageEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard events on real PostgreSQL, through HTTP ingest and through the tracker: U+0000 in texts and
 * metadata, 10 MB of metadata, a 100 kB query, an unknown field. The good events of the batch are
 * stored (adjusted where needed, each adjustment reported), the bad one is refused with its reason,
 * and the counters show both.
 */
class IngestEdgeCasesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static RunningProduct product;
  private static Injector injector;
  private static HttpServer server;
  private static DatabaseAddress database;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    product = RunningProduct.start(dataDir);
    injector = product.injector;
    server = product.server;
    database = product.database;
  }

  @AfterAll
  static void stop() {
    product.close();
  }

  @Test
  void givenABatchOfHardEvents_ingest_storesTheGoodOnes_reportsEachChangeAndRefusal()
      throws Exception {
    String body =
        String.join(
            "\n",
            event("plain", "\"query_text\": \"ok\""),
            event(
                "nul\\u0000tool",
                "\"query_text\": \"a\\u0000b\", \"request_metadata\": {\"k\\u0000\": [\"v\\u0000\"]}"),
            event(
                "huge_metadata",
                "\"request_metadata\": {\"blob\": \"" + "x".repeat(10_000_000) + "\"}"),
            event("long_query", "\"query_text\": \"" + "q".repeat(100_000) + "\""),
            event("unknown_field", "\"latency_ms\": 12"));

    HttpResponse<String> response = post(body);
    JsonNode result = JSON.readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(result.get("received").asInt()).isEqualTo(5);
    assertThat(result.get("stored").asInt()).isEqualTo(4);
    assertThat(result.get("rejected_count").asInt()).isEqualTo(1);
    assertThat(result.get("rejected").get(0).get("index").asInt()).isEqualTo(4);
    assertThat(result.get("rejected").get(0).get("field").asText()).isEqualTo("latency_ms");
    assertThat(result.get("rejected").get(0).get("message").asText())
        .contains("not a column of archon_mcp_usage_events");
    assertThat(result.get("adjusted_count").asInt()).isEqualTo(3);
    assertThat(result.get("adjusted"))
        .extracting(n -> n.get("index").asInt() + ":" + n.get("field").asText())
        .containsExactly(
            "1:tool_name",
            "1:query_text",
            "1:request_metadata",
            "2:request_metadata",
            "3:query_text");
    assertThat(result.get("adjusted").get(3).get("message").asText())
        .contains("replaced by a truncation marker (limit 16384)");
    assertThat(result.get("adjusted").get(4).get("message").asText())
        .contains("100000 characters cut to 500");

    assertThat(sql("select count(*) from archon_mcp_usage_events where server_name = 'edge'"))
        .isEqualTo("4");
    assertThat(sql("select tool_name from archon_mcp_usage_events where tool_name like 'nul%'"))
        .isEqualTo("nul\uFFFDtool");
    assertThat(
            sql(
                "select request_metadata->>'_truncated' from archon_mcp_usage_events"
                    + " where tool_name = 'huge_metadata'"))
        .isEqualTo("true");
    assertThat(
            sql(
                "select length(query_text) from archon_mcp_usage_events"
                    + " where tool_name = 'long_query'"))
        .isEqualTo("500");
    assertThat(get("/metrics"))
        .contains("mcp_usage_ingest_events_total{outcome=\"stored\"} 4")
        .contains("mcp_usage_ingest_events_total{outcome=\"rejected\"} 1")
        .contains("mcp_usage_ingest_events_total{outcome=\"adjusted\"} 3");
  }

  @Test
  void givenHardEventsThroughTheTracker_theyAreStoredAndCountedNeverPoisoningABatch()
      throws Exception {
    UsageTracker tracker = injector.getInstance(UsageTracker.class);
    tracker.track(trackerEvent("tracked_nul").requestMetadata(Map.of("k", "v\u0000")));
    tracker.track(
        trackerEvent("tracked_huge").requestMetadata(Map.of("blob", "x".repeat(100_000))));
    tracker.track(trackerEvent("tracked_plain"));
    tracker.track(trackerEvent("x".repeat(300)));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (tracker.statistics().written() < 3 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    TrackerStatistics stats = tracker.statistics();

    assertThat(stats.written()).isEqualTo(3);
    assertThat(stats.rejectedByField()).containsEntry("tool_name", 1L);
    assertThat(stats.adjustedByField()).containsEntry("request_metadata", 2L);
    assertThat(
            sql("select count(*) from archon_mcp_usage_events where server_name = 'edge-tracker'"))
        .isEqualTo("3");
    assertThat(get("/metrics"))
        .contains("mcp_usage_tracker_rejected_total{field=\"tool_name\"} 1")
        .contains("mcp_usage_tracker_adjusted_total{field=\"request_metadata\"} 2");
  }

  private static UsageEvent.Builder trackerEvent(String tool) {
    return UsageEvent.builder()
        .timestamp(Instant.now())
        .serverName("edge-tracker")
        .toolName(tool)
        .toolCategory("rag")
        .responseTimeMs(5);
  }

  private static String event(String tool, String extra) {
    return "{\"server_name\": \"edge\", \"tool_name\": \""
        + tool
        + "\", \"tool_category\": \"rag\", \"response_time_ms\": 7, \"session_id\": \"s\", "
        + extra
        + "}";
  }

  private HttpResponse<String> post(String body) throws Exception {
    String writer = injector.getInstance(ProvideAccessTokens.class).accessTokens().writerToken();
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/mcp/events"))
            .header("Authorization", "Bearer " + writer)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String sql(String query) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
