package dev.mcpusage.benchmarks.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seed's design in the scratch schema `seed`: its DDL and its answers to our questions. */
final class SeedStyle {

  static final String EVENTS = "seed.archon_mcp_usage_events";

  private SeedStyle() {}

  static String schema() {
    return resource("schema.sql");
  }

  static String views() {
    return resource("views.sql");
  }

  /** Both views refreshed as the seed's cron does it. */
  static final String REFRESH =
      "REFRESH MATERIALIZED VIEW CONCURRENTLY seed.archon_mcp_usage_hourly;"
          + " REFRESH MATERIALIZED VIEW CONCURRENTLY seed.archon_mcp_usage_daily";

  /** The seed's summary function: one scan of the raw events of the window. */
  static String summary(int hours) {
    return """
        WITH w AS (SELECT * FROM seed.archon_mcp_usage_events
                    WHERE "timestamp" >= now() - interval '%d hours')
        SELECT count(*) AS total_calls,
               count(*) FILTER (WHERE success) AS successful_calls,
               count(*) FILTER (WHERE NOT success) AS failed_calls,
               round(100.0 * count(*) FILTER (WHERE success) / nullif(count(*), 0), 2) AS success_rate,
               count(DISTINCT session_id) AS unique_sessions,
               avg(response_time_ms) AS avg_response_time_ms,
               (SELECT tool_name FROM w GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS most_used_tool,
               (SELECT tool_category FROM w GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS most_used_category
          FROM w
        """
        .formatted(hours);
  }

  /** The questions the harness asks both designs: our HTTP path and the seed-style SQL. */
  static Map<String, String[]> questions(String tool) {
    Map<String, String[]> questions = new LinkedHashMap<>();
    questions.put("summary 24h", new String[] {"/api/mcp/analytics/summary?hours=24", summary(24)});
    questions.put(
        "summary 168h", new String[] {"/api/mcp/analytics/summary?hours=168", summary(168)});
    questions.put(
        "summary 4320h", new String[] {"/api/mcp/analytics/summary?hours=4320", summary(4320)});
    questions.put(
        "hourly 168h, one tool",
        new String[] {
          "/api/mcp/analytics/hourly?hours=168&tool_name=" + tool,
          "SELECT * FROM seed.archon_mcp_usage_hourly WHERE hour_bucket >= now() - interval '168"
              + " hours' AND tool_name = '"
              + tool
              + "' ORDER BY hour_bucket"
        });
    questions.put(
        "hourly 168h, all tools",
        new String[] {
          "/api/mcp/analytics/hourly?hours=168",
          "SELECT * FROM seed.archon_mcp_usage_hourly WHERE hour_bucket >= now() - interval '168"
              + " hours' ORDER BY hour_bucket, tool_category, tool_name"
        });
    questions.put(
        "daily 180d",
        new String[] {
          "/api/mcp/analytics/daily?days=180",
          "SELECT * FROM seed.archon_mcp_usage_daily WHERE date_bucket >= (now() - interval '180"
              + " days')::date ORDER BY date_bucket, tool_category, tool_name"
        });
    questions.put(
        "top knowledge bases 168h",
        new String[] {
          "/api/mcp/analytics/knowledge-bases?hours=168&limit=10",
          "SELECT source_id, count(*) FROM seed.archon_mcp_usage_events WHERE \"timestamp\" >="
              + " now() - interval '168 hours' AND source_id IS NOT NULL GROUP BY 1 ORDER BY 2"
              + " DESC LIMIT 10"
        });
    questions.put(
        "per-tool percentiles 168h",
        new String[] {
          "/api/mcp/analytics/tools?hours=168",
          "SELECT tool_name, count(*), percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP"
              + " (ORDER BY response_time_ms) FROM seed.archon_mcp_usage_events WHERE"
              + " \"timestamp\" >= now() - interval '168 hours' GROUP BY 1"
        });
    return questions;
  }

  private static String resource(String name) {
    try (InputStream in = SeedStyle.class.getResourceAsStream("/seed-style/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
