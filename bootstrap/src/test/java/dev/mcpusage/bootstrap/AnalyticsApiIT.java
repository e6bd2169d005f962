package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import dev.mcpusage.adapter.in.http.HttpServer;
import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.application.port.in.DemoLoadCommand;
import dev.mcpusage.application.port.in.LoadDemoUsage;
import dev.mcpusage.domain.latency.LatencyHistogram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every analytics endpoint over real HTTP on a real PostgreSQL, checked against SQL computed
 * independently over the raw events for the same window.
 */
class AnalyticsApiIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static RunningProduct product;
  private static HttpServer server;
  private static DatabaseAddress database;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startWithTenDaysOfTraffic() {
    product =
        RunningProduct.start(
            dataDir,
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(Clock.class).toInstance(Clock.fixed(NOW, ZoneOffset.UTC));
              }
            });
    product
        .injector
        .getInstance(LoadDemoUsage.class)
        .load(new DemoLoadCommand(40_000, 10, 11, false));
    server = product.server;
    database = product.database;
  }

  @AfterAll
  static void stop() {
    product.close();
  }

  @Test
  void summary_equalsSqlOverTheRawEvents() throws Exception {
    JsonNode summary = get("/api/mcp/analytics/summary?hours=24");
    Map<String, Object> sql =
        row(
            "SELECT count(*) AS calls, count(*) FILTER (WHERE NOT success) AS failed,"
                + " count(DISTINCT session_id) AS sessions FROM archon_mcp_usage_events WHERE \"timestamp\" >= ? AND \"timestamp\" < ?",
            hoursAgo(24),
            endOfHour());

    assertThat(summary.get("total_calls").asLong()).isEqualTo(sql.get("calls"));
    assertThat(summary.get("failed_calls").asLong()).isEqualTo(sql.get("failed"));
    assertThat(summary.get("unique_sessions").asLong()).isEqualTo(sql.get("sessions"));
    assertWithinHistogramError(
        summary.get("p95_response_time_ms").asInt(), exactPercentile(0.95, 24, ""));
    assertWithinHistogramError(
        summary.get("p50_response_time_ms").asInt(), exactPercentile(0.50, 24, ""));
  }

  @Test
  void hourly_withACategoryFilter_equalsSqlPerHourAndTool() throws Exception {
    JsonNode rows = get("/api/mcp/analytics/hourly?hours=24&tool_category=rag").get("data");
    Map<String, List<Long>> sql =
        grouped(
            "SELECT to_char(hour_bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " || '|' || tool_name, count(*),"
                + " count(*) FILTER (WHERE NOT success), count(DISTINCT session_id) FROM archon_mcp_usage_events"
                + " WHERE \"timestamp\" >= ? AND \"timestamp\" < ? AND tool_category = 'rag' GROUP BY 1",
            hoursAgo(24),
            endOfHour());

    Map<String, List<Long>> api = new HashMap<>();
    rows.forEach(
        row ->
            api.put(
                row.get("bucket").asText() + "|" + row.get("tool_name").asText(),
                List.of(
                    row.get("call_count").asLong(),
                    row.get("error_count").asLong(),
                    row.get("unique_sessions").asLong())));

    assertThat(api).isEqualTo(sql).isNotEmpty();
    assertThat(rows)
        .allSatisfy(row -> assertThat(row.get("tool_category").asText()).isEqualTo("rag"));
  }

  @Test
  void daily_equalsSqlPerDayAndTool() throws Exception {
    JsonNode rows = get("/api/mcp/analytics/daily?days=7").get("data");
    Map<String, List<Long>> sql =
        grouped(
            "SELECT date_bucket || '|' || tool_name, count(*),"
                + " count(*) FILTER (WHERE NOT success), count(DISTINCT session_id) FROM archon_mcp_usage_events"
                + " WHERE date_bucket >= (?::timestamptz AT TIME ZONE 'UTC')::date - 6 GROUP BY 1",
            Timestamp.from(NOW));

    Map<String, List<Long>> api = new HashMap<>();
    rows.forEach(
        row ->
            api.put(
                row.get("bucket").asText().substring(0, 10) + "|" + row.get("tool_name").asText(),
                List.of(
                    row.get("call_count").asLong(),
                    row.get("error_count").asLong(),
                    row.get("unique_sessions").asLong())));

    assertThat(api).isEqualTo(sql);
  }

  @Test
  void tools_clients_errors_andKnowledgeBases_equalSqlOverAWeek() throws Exception {
    Timestamp from = hoursAgo(168);
    Timestamp to = endOfHour();
    String week = " FROM archon_mcp_usage_events WHERE \"timestamp\" >= ? AND \"timestamp\" < ?";

    Map<String, List<Long>> tools = new HashMap<>();
    get("/api/mcp/analytics/tools?hours=168")
        .get("data")
        .forEach(
            t ->
                tools.put(
                    t.get("tool_name").asText(),
                    List.of(t.get("call_count").asLong(), t.get("error_count").asLong())));
    Map<String, List<Long>> clients = new HashMap<>();
    get("/api/mcp/analytics/clients?hours=168")
        .get("data")
        .forEach(
            c ->
                clients.put(
                    c.get("client_type").asText(),
                    List.of(
                        c.get("call_count").asLong(),
                        c.get("error_count").asLong(),
                        c.get("unique_sessions").asLong())));
    Map<String, List<Long>> errors = new HashMap<>();
    get("/api/mcp/analytics/errors?hours=168")
        .get("data")
        .forEach(
            e ->
                errors.put(
                    e.get("tool_name").asText() + "|" + e.get("error_type").asText(),
                    List.of(e.get("error_count").asLong())));
    List<String> sources = new ArrayList<>();
    get("/api/mcp/analytics/knowledge-bases?hours=168&limit=5")
        .get("data")
        .forEach(
            s -> sources.add(s.get("source_id").asText() + "=" + s.get("call_count").asLong()));
    JsonNode searchTool =
        get("/api/mcp/analytics/tools?hours=168&tool_name=rag_search_knowledge_base")
            .get("data")
            .get(0);

    assertThat(tools)
        .isEqualTo(
            grouped(
                "SELECT tool_name, count(*), count(*) FILTER (WHERE NOT success)"
                    + week
                    + " GROUP BY 1",
                from,
                to));
    assertThat(clients)
        .isEqualTo(
            grouped(
                "SELECT coalesce(client_type, 'unknown'), count(*),"
                    + " count(*) FILTER (WHERE NOT success), count(DISTINCT session_id)"
                    + week
                    + " GROUP BY 1",
                from,
                to));
    assertThat(errors)
        .isEqualTo(
            grouped(
                "SELECT tool_name || '|' || coalesce(error_type, 'unknown'), count(*)"
                    + week
                    + " AND NOT success GROUP BY 1",
                from,
                to));
    assertThat(sources)
        .isEqualTo(
            grouped(
                    "SELECT source_id || '=' || count(*), count(*)"
                        + week
                        + " AND source_id IS NOT NULL GROUP BY source_id ORDER BY count(*) DESC, source_id LIMIT 5",
                    from,
                    to)
                .keySet()
                .stream()
                .toList());
    assertWithinHistogramError(
        searchTool.get("p99_response_time_ms").asInt(),
        exactPercentile(0.99, 168, " AND tool_name = 'rag_search_knowledge_base'"));
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Timestamp hoursAgo(int hours) {
    return Timestamp.from(NOW.truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS));
  }

  private static Timestamp endOfHour() {
    return Timestamp.from(NOW.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
  }

  private static int exactPercentile(double p, int hours, String condition) throws Exception {
    return ((Number)
            row(
                    "SELECT percentile_disc("
                        + p
                        + ") WITHIN GROUP (ORDER BY response_time_ms) AS value"
                        + " FROM archon_mcp_usage_events WHERE \"timestamp\" >= ? AND \"timestamp\" < ?"
                        + condition,
                    hoursAgo(hours),
                    endOfHour())
                .get("value"))
        .intValue();
  }

  private static void assertWithinHistogramError(int estimate, int exact) {
    assertThat((double) Math.abs(estimate - exact))
        .as("estimate %d of exact %d", estimate, exact)
        .isLessThanOrEqualTo(LatencyHistogram.RELATIVE_ERROR * exact);
  }

  private static Map<String, Object> row(String sql, Object... parameters) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      Map<String, Object> row = new HashMap<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
      }
      return row;
    }
  }

  private static Map<String, List<Long>> grouped(String sql, Object... parameters)
      throws Exception {
    Map<String, List<Long>> result = new java.util.LinkedHashMap<>();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        List<Long> values = new ArrayList<>();
        for (int i = 2; i <= rows.getMetaData().getColumnCount(); i++) {
          values.add(rows.getLong(i));
        }
        result.put(rows.getString(1), values);
      }
    }
    return result;
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws Exception {
    connection.createStatement().execute("SET TIME ZONE 'UTC'");
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
