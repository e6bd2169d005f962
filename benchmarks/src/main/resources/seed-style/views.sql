-- The seed's two materialized views (one row per bucket, category and tool), with the unique
-- indexes REFRESH ... CONCURRENTLY needs.
CREATE MATERIALIZED VIEW seed.archon_mcp_usage_hourly AS
SELECT hour_bucket, tool_category, tool_name,
       count(*)                                AS call_count,
       avg(response_time_ms)                   AS avg_response_time_ms,
       count(*) FILTER (WHERE NOT success)     AS error_count,
       count(DISTINCT session_id)              AS unique_sessions,
       min("timestamp")                        AS first_call_at,
       max("timestamp")                        AS last_call_at
  FROM seed.archon_mcp_usage_events
 GROUP BY hour_bucket, tool_category, tool_name;
CREATE UNIQUE INDEX seed_hourly_key ON seed.archon_mcp_usage_hourly (hour_bucket, tool_category, tool_name);

CREATE MATERIALIZED VIEW seed.archon_mcp_usage_daily AS
SELECT date_bucket, tool_category, tool_name,
       count(*)                                AS call_count,
       avg(response_time_ms)                   AS avg_response_time_ms,
       count(*) FILTER (WHERE NOT success)     AS error_count,
       count(DISTINCT session_id)              AS unique_sessions,
       min("timestamp")                        AS first_call_at,
       max("timestamp")                        AS last_call_at
  FROM seed.archon_mcp_usage_events
 GROUP BY date_bucket, tool_category, tool_name;
CREATE UNIQUE INDEX seed_daily_key ON seed.archon_mcp_usage_daily (date_bucket, tool_category, tool_name);
