-- Experiment of 2026-11-30 afternoon (BENCHMARKS.md, "Afternoon of 2026-11-30"), not a migration:
-- V7's rollup statement without the per-tool hourly and daily upserts, installed by psql in a bench dir.
CREATE OR REPLACE FUNCTION mcp_usage_rollup_statements(source text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE
AS $fn$
DECLARE
    -- %1$s the CTE with the aggregated rows, %2$s bucket column, %3$s the CTE with the sessions
    -- each row gains, %4$s rollup table, %5$s a RETURNING clause (the other upserts are CTEs of the
    -- last one) or nothing, %6$s ', client_type' for the per-client rollups or nothing
    upsert text := format($sql$
            INSERT INTO %%4$I AS r (%%2$s, server_name, tool_category, tool_name%%6$s,
                                   call_count, error_count, response_time_sum_ms, min_response_time_ms,
                                   max_response_time_ms, first_call_at, last_call_at, unique_sessions, %1$s)
            SELECT t.bucket, t.server_name, t.tool_category, t.tool_name%%6$s, t.calls, t.errors, t.sum_ms,
                   t.min_ms, t.max_ms, t.first_at, t.last_at, coalesce(s.n, 0), %1$s
              FROM %%1$s AS t
              LEFT JOIN (SELECT bucket, server_name, tool_category, tool_name%%6$s, sum(n)::bigint AS n
                           FROM %%3$s GROUP BY bucket, server_name, tool_category, tool_name%%6$s) AS s
                   USING (bucket, server_name, tool_category, tool_name%%6$s)
             ORDER BY t.server_name, t.bucket, t.tool_category, t.tool_name%%6$s
            ON CONFLICT (server_name, %%2$s, tool_category, tool_name%%6$s) DO UPDATE SET
                call_count           = r.call_count + excluded.call_count,
                error_count          = r.error_count + excluded.error_count,
                response_time_sum_ms = r.response_time_sum_ms + excluded.response_time_sum_ms,
                min_response_time_ms = least(r.min_response_time_ms, excluded.min_response_time_ms),
                max_response_time_ms = greatest(r.max_response_time_ms, excluded.max_response_time_ms),
                first_call_at        = least(r.first_call_at, excluded.first_call_at),
                last_call_at         = greatest(r.last_call_at, excluded.last_call_at),
                unique_sessions      = r.unique_sessions + excluded.unique_sessions,
                %2$s
            %%5$s$sql$,
            mcp_usage_latency_list('%1$s'),
            mcp_usage_latency_list('%1$s = r.%1$s + excluded.%1$s'));
    -- a coarser grain summed from the per-client hourly rows: %1$s bucket expression, %2$s source
    -- CTE, %3$s ', client_type' or nothing
    regroup text := format($sql$
            SELECT %%1$s AS bucket, server_name, tool_category, tool_name%%3$s,
                   sum(calls)::bigint AS calls, sum(errors)::bigint AS errors, sum(sum_ms)::bigint AS sum_ms,
                   min(min_ms) AS min_ms, max(max_ms) AS max_ms, min(first_at) AS first_at,
                   max(last_at) AS last_at, %1$s
              FROM %%2$s GROUP BY %%1$s, server_name, tool_category, tool_name%%3$s$sql$,
            mcp_usage_latency_list('sum(%1$s)::integer AS %1$s'));
BEGIN
    RETURN ARRAY[format($sql$
        WITH slots AS MATERIALIZED (
            -- the batch per rollup key and latency bucket: both grains aggregate these few rows
            SELECT server_name, hour_bucket, date_bucket, tool_category, tool_name,
                   coalesce(client_type, '') AS client_type,
                   width_bucket(response_time_ms, mcp_usage_latency_bounds()) AS slot,
                   count(*)::integer AS calls, (count(*) FILTER (WHERE NOT success))::integer AS errors,
                   sum(response_time_ms) AS sum_ms, min(response_time_ms) AS min_ms, max(response_time_ms) AS max_ms,
                   min("timestamp") AS first_at, max("timestamp") AS last_at
              FROM %1$s AS e
             GROUP BY 1, 2, 3, 4, 5, 6, 7
        ), per_tool AS (
            SELECT date_bucket, server_name, coalesce(client_type, '') AS client_type, session_id,
                   tool_category, tool_name, bit_or(1 << (extract(epoch FROM hour_bucket)::bigint / 3600 %% 24)::integer) AS bits,
                   max(hour_bucket) AS last_hour
              FROM %1$s AS e WHERE session_id IS NOT NULL
             GROUP BY 1, 2, 3, 4, 5, 6
        ), upserted AS (
            INSERT INTO mcp_usage_sessions AS s (date_bucket, server_name, client_type, session_id, hours,
                                                 categories, tools, tool_hours)
            SELECT date_bucket, server_name, client_type, session_id, bit_or(bits),
                   array_agg(tool_category), array_agg(tool_name), array_agg(bits)
              FROM per_tool
             GROUP BY 1, 2, 3, 4
             ORDER BY 1, 2, 3, 4
            ON CONFLICT (date_bucket, server_name, client_type, session_id) DO UPDATE SET
                hours = s.hours | excluded.hours,
                (categories, tools, tool_hours, added) =
                    (SELECT m.categories, m.tools, m.tool_hours, m.added
                       FROM mcp_usage_merge_session_tools(s.categories, s.tools, s.tool_hours,
                                                          excluded.categories, excluded.tools, excluded.tool_hours) AS m)
            RETURNING date_bucket, server_name, client_type, categories, tools, tool_hours, added
        ), gained AS (
            -- sessions per rollup key and gained bits: few distinct bit sets, so few rows to expand
            SELECT u.date_bucket, u.server_name, g.tool_category, g.tool_name, u.client_type,
                   coalesce(g.added, g.hours | 16777216) AS bits, count(*) AS n
              FROM upserted u,
                   unnest(u.categories, u.tools, u.tool_hours, u.added) AS g(tool_category, tool_name, hours, added)
             GROUP BY 1, 2, 3, 4, 5, 6
        ), hourly_sessions AS (
            SELECT (g.date_bucket::timestamp AT TIME ZONE 'UTC') + make_interval(hours => h) AS bucket,
                   g.server_name, g.tool_category, g.tool_name, g.client_type, sum(g.n) AS n
              FROM gained g JOIN generate_series(0, 23) AS h ON g.bits & (1 << h) <> 0
             GROUP BY 1, 2, 3, 4, 5
        ), daily_sessions AS (
            SELECT date_bucket AS bucket, server_name, tool_category, tool_name, client_type, sum(n) AS n
              FROM gained WHERE bits & 16777216 <> 0
             GROUP BY 1, 2, 3, 4, 5
        ), last_hours AS (
            INSERT INTO mcp_usage_session_last_hours AS l (server_name, client_type, session_id, last_hour)
            SELECT server_name, client_type, session_id, max(last_hour)
              FROM per_tool
             GROUP BY 1, 2, 3
             ORDER BY 1, 2, 3
            ON CONFLICT (server_name, client_type, session_id) DO UPDATE SET
                moved_from = l.last_hour, last_hour = excluded.last_hour
             WHERE excluded.last_hour > l.last_hour
            RETURNING server_name, client_type, last_hour, moved_from
        ), last_hour_moves AS (
            SELECT server_name, last_hour AS hour, client_type, 1 AS delta FROM last_hours
            UNION ALL
            SELECT server_name, moved_from, client_type, -1 FROM last_hours WHERE moved_from IS NOT NULL
        ), last_hour_counts AS (
            INSERT INTO mcp_usage_sessions_by_last_hour AS c (server_name, last_hour, client_type, sessions)
            SELECT server_name, hour, client_type, sum(delta)
              FROM last_hour_moves
             GROUP BY 1, 2, 3
            HAVING sum(delta) <> 0
             ORDER BY 1, 2, 3
            ON CONFLICT (server_name, last_hour, client_type) DO UPDATE SET sessions = c.sessions + excluded.sessions
            RETURNING 1
        ), last_day_counts AS (
            INSERT INTO mcp_usage_sessions_by_last_day AS c (server_name, last_day, client_type, sessions)
            SELECT server_name, (hour AT TIME ZONE 'UTC')::date, client_type, sum(delta)
              FROM last_hour_moves
             GROUP BY 1, 2, 3
            HAVING sum(delta) <> 0
             ORDER BY 1, 2, 3
            ON CONFLICT (server_name, last_day, client_type) DO UPDATE SET sessions = c.sessions + excluded.sessions
            RETURNING 1
        ), per_client_hours AS MATERIALIZED (
            -- the histogram is counted once, per client and hour; the other grains add these up
            SELECT hour_bucket AS bucket, date_bucket, server_name, tool_category, tool_name, client_type,
                   sum(calls)::bigint AS calls, sum(errors)::bigint AS errors, sum(sum_ms)::bigint AS sum_ms,
                   min(min_ms) AS min_ms, max(max_ms) AS max_ms, min(first_at) AS first_at,
                   max(last_at) AS last_at, %2$s
              FROM slots GROUP BY 1, 2, 3, 4, 5, 6
        ), per_client_days AS (%3$s
        ), hourly AS (%4$s
        ), source_hours AS MATERIALIZED (
            -- sources and errors: the batch is read once for each, the days summed from the hours
            SELECT hour_bucket, date_bucket, server_name, tool_category, tool_name, source_id,
                   count(*) AS calls, count(*) FILTER (WHERE NOT success) AS errors
              FROM %1$s AS e WHERE source_id IS NOT NULL
             GROUP BY 1, 2, 3, 4, 5, 6
        ), hourly_sources AS (
            INSERT INTO mcp_usage_hourly_sources AS r (hour_bucket, server_name, tool_category, tool_name, source_id,
                                                     call_count, error_count)
            SELECT hour_bucket, server_name, tool_category, tool_name, source_id, calls, errors
              FROM source_hours
             ORDER BY 2, 1, 3, 4, 5
            ON CONFLICT (server_name, hour_bucket, tool_category, tool_name, source_id) DO UPDATE SET
                call_count  = r.call_count + excluded.call_count,
                error_count = r.error_count + excluded.error_count
            RETURNING 1
        ), daily_sources AS (
            INSERT INTO mcp_usage_daily_sources AS r (date_bucket, server_name, tool_category, tool_name, source_id,
                                                    call_count, error_count)
            SELECT date_bucket, server_name, tool_category, tool_name, source_id, sum(calls), sum(errors)
              FROM source_hours
             GROUP BY 1, 2, 3, 4, 5
             ORDER BY 2, 1, 3, 4, 5
            ON CONFLICT (server_name, date_bucket, tool_category, tool_name, source_id) DO UPDATE SET
                call_count  = r.call_count + excluded.call_count,
                error_count = r.error_count + excluded.error_count
            RETURNING 1
        ), error_hours AS MATERIALIZED (
            SELECT hour_bucket, date_bucket, server_name, tool_category, tool_name,
                   coalesce(nullif(error_type, ''), 'unknown') AS error_type, count(*) AS calls,
                   max("timestamp") AS last_at
              FROM %1$s AS e WHERE NOT success
             GROUP BY 1, 2, 3, 4, 5, 6
        ), hourly_errors AS (
            INSERT INTO mcp_usage_hourly_errors AS r (hour_bucket, server_name, tool_category, tool_name, error_type,
                                                    call_count, last_call_at)
            SELECT hour_bucket, server_name, tool_category, tool_name, error_type, calls, last_at
              FROM error_hours
             ORDER BY 2, 1, 3, 4, 5
            ON CONFLICT (server_name, hour_bucket, tool_category, tool_name, error_type) DO UPDATE SET
                call_count   = r.call_count + excluded.call_count,
                last_call_at = greatest(r.last_call_at, excluded.last_call_at)
            RETURNING 1
        ), daily_errors AS (
            INSERT INTO mcp_usage_daily_errors AS r (date_bucket, server_name, tool_category, tool_name, error_type,
                                                   call_count, last_call_at)
            SELECT date_bucket, server_name, tool_category, tool_name, error_type, sum(calls), max(last_at)
              FROM error_hours
             GROUP BY 1, 2, 3, 4, 5
             ORDER BY 2, 1, 3, 4, 5
            ON CONFLICT (server_name, date_bucket, tool_category, tool_name, error_type) DO UPDATE SET
                call_count   = r.call_count + excluded.call_count,
                last_call_at = greatest(r.last_call_at, excluded.last_call_at)
            RETURNING 1
        )
        %5$s
        $sql$, source,
            mcp_usage_latency_list('coalesce(sum(calls) FILTER (WHERE slot = %2$s), 0)::integer AS %1$s'),
            format(regroup, 'date_bucket', 'per_client_hours', ', client_type'),
            format(upsert, 'per_client_hours', 'hour_bucket', 'hourly_sessions', 'mcp_usage_hourly_rollup', 'RETURNING 1', ', client_type'),
            format(upsert, 'per_client_days', 'date_bucket', 'daily_sessions', 'mcp_usage_daily_rollup', '', ', client_type'))];
END;
$fn$;

-- The trigger again, with the new statement inlined (static SQL: each connection plans it once).
DO $$
BEGIN
    EXECUTE format($create$
        CREATE OR REPLACE FUNCTION mcp_usage_rollup_inserted_events() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '64MB'
        AS $body$
        BEGIN
            %s;
            RETURN NULL;
        END;
        $body$
        $create$, array_to_string(mcp_usage_rollup_statements('new_events'), ';
'));
END;
$$;

