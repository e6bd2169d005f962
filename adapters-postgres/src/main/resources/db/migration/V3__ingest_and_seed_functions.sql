-- Batch ingest (COPY into a session-local staging table, then one idempotent INSERT), retention
-- by partition, and the seed's three functions with their names, signatures and result columns.

CREATE FUNCTION mcp_usage_open_staging() RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF to_regclass('pg_temp.mcp_usage_staging') IS NULL THEN
        CREATE TEMP TABLE mcp_usage_staging (
            id uuid NOT NULL, "timestamp" timestamptz NOT NULL, server_name text NOT NULL,
            tool_name text NOT NULL, tool_category text NOT NULL, session_id text, client_type text,
            request_metadata jsonb, source_id text, query_text text, match_count integer,
            response_time_ms integer NOT NULL, success boolean NOT NULL, error_type text
        ) ON COMMIT DELETE ROWS;
    END IF;
END;
$$;

-- Moves the staged rows into the events table (creating their day partitions first) and returns
-- how many were new; rows whose id and timestamp are already stored are skipped.
CREATE FUNCTION mcp_usage_ingest_staged() RETURNS bigint
    LANGUAGE plpgsql
AS $$
DECLARE
    inserted bigint;
BEGIN
    PERFORM mcp_usage_ensure_partition(day)
       FROM (SELECT DISTINCT ("timestamp" AT TIME ZONE 'UTC')::date AS day FROM pg_temp.mcp_usage_staging) AS days
      ORDER BY day;
    INSERT INTO archon_mcp_usage_events (id, "timestamp", server_name, tool_name, tool_category, session_id,
                                         client_type, request_metadata, source_id, query_text, match_count,
                                         response_time_ms, success, error_type)
    SELECT id, "timestamp", server_name, tool_name, tool_category, session_id, client_type, request_metadata,
           source_id, query_text, match_count, response_time_ms, success, error_type
      FROM pg_temp.mcp_usage_staging
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    DELETE FROM pg_temp.mcp_usage_staging;
    RETURN inserted;
END;
$$;

-- Removes every event before `cutoff`: day partitions wholly before it are dropped (no DELETE, the
-- space returns at once), the day holding it is trimmed and its rollups rebuilt.
CREATE FUNCTION mcp_usage_remove_events_before(cutoff timestamptz, OUT dropped_days date[], OUT deleted_count bigint)
    LANGUAGE plpgsql
AS $$
DECLARE
    boundary date := (cutoff AT TIME ZONE 'UTC')::date;
    boundary_start timestamptz := boundary::timestamp AT TIME ZONE 'UTC';
    partition record;
    day date;
    removed bigint;
BEGIN
    dropped_days := '{}';
    deleted_count := 0;
    FOR partition IN
        SELECT c.relname
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'archon_mcp_usage_events'::regclass
           AND c.relname ~ '^archon_mcp_usage_events_p[0-9]{8}$'
         ORDER BY c.relname
    LOOP
        day := to_date(right(partition.relname, 8), 'YYYYMMDD');
        IF day < boundary THEN
            SELECT coalesce(sum(call_count), 0) INTO removed FROM mcp_usage_daily_rollup WHERE date_bucket = day;
            EXECUTE format('DROP TABLE %I', partition.relname);
            deleted_count := deleted_count + removed;
            dropped_days := dropped_days || day;
        END IF;
    END LOOP;

    DELETE FROM archon_mcp_usage_events WHERE "timestamp" < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    deleted_count := deleted_count + removed;

    DELETE FROM mcp_usage_hourly_rollup WHERE hour_bucket < boundary_start;
    DELETE FROM mcp_usage_hourly_sessions WHERE hour_bucket < boundary_start;
    DELETE FROM mcp_usage_daily_rollup WHERE date_bucket < boundary;
    DELETE FROM mcp_usage_daily_sessions WHERE date_bucket < boundary;
    DELETE FROM mcp_usage_hourly_sources WHERE hour_bucket < boundary_start;
    DELETE FROM mcp_usage_daily_sources WHERE date_bucket < boundary;
    DELETE FROM mcp_usage_hourly_errors WHERE hour_bucket < boundary_start;
    DELETE FROM mcp_usage_daily_errors WHERE date_bucket < boundary;
    DELETE FROM mcp_usage_hourly_server_sessions WHERE hour_bucket < boundary_start;
    DELETE FROM mcp_usage_daily_server_sessions WHERE date_bucket < boundary;
    IF cutoff > boundary_start THEN
        PERFORM mcp_usage_rebuild_rollups(boundary, boundary);
    END IF;
END;
$$;

-- Seed: deletes events older than 180 days; returns how many went.
CREATE FUNCTION cleanup_mcp_usage_events(OUT deleted_count bigint)
    LANGUAGE sql
AS $$
    SELECT r.deleted_count FROM mcp_usage_remove_events_before(now() - interval '180 days') AS r;
$$;

-- Seed: once the refresh of the materialized views; rollups are now always current, so this is a
-- repair that rebuilds both from the events.
CREATE FUNCTION refresh_mcp_usage_views() RETURNS TABLE (view_name text, refresh_status text)
    LANGUAGE plpgsql
AS $$
DECLARE
    first_day date;
    last_day date;
    rebuilt bigint := 0;
BEGIN
    SELECT (min(e."timestamp") AT TIME ZONE 'UTC')::date, (max(e."timestamp") AT TIME ZONE 'UTC')::date
      INTO first_day, last_day FROM archon_mcp_usage_events e;
    TRUNCATE mcp_usage_hourly_rollup, mcp_usage_hourly_sessions, mcp_usage_daily_rollup, mcp_usage_daily_sessions,
             mcp_usage_hourly_sources, mcp_usage_daily_sources, mcp_usage_hourly_errors, mcp_usage_daily_errors,
             mcp_usage_hourly_server_sessions, mcp_usage_daily_server_sessions;
    IF first_day IS NOT NULL THEN
        rebuilt := mcp_usage_rebuild_rollups(first_day, last_day);
    END IF;
    RETURN QUERY VALUES
        ('archon_mcp_usage_hourly'::text,
         format('rebuilt from %s events into %s rows', rebuilt, (SELECT count(*) FROM mcp_usage_hourly_rollup))),
        ('archon_mcp_usage_daily'::text,
         format('rebuilt from %s events into %s rows', rebuilt, (SELECT count(*) FROM mcp_usage_daily_rollup)));
END;
$$;

-- Seed: the dashboard summary of the last N hours (the current UTC hour and the N-1 before it),
-- read from the rollups. Unlike the seed's, an empty window gives one row of zeros.
CREATE FUNCTION get_mcp_usage_summary(time_range_hours integer DEFAULT 24)
    RETURNS TABLE (total_calls bigint, successful_calls bigint, failed_calls bigint, success_rate numeric,
                   unique_sessions bigint, avg_response_time_ms numeric, most_used_tool text,
                   most_used_category text)
    LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
DECLARE
    since timestamptz;
BEGIN
    IF time_range_hours IS NULL OR time_range_hours < 1 OR time_range_hours > 4320 THEN
        RAISE EXCEPTION 'time_range_hours must be between 1 and 4320, was %', time_range_hours
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    since := (date_trunc('hour', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') - make_interval(hours => time_range_hours - 1);
    RETURN QUERY
    WITH r AS (
        SELECT * FROM mcp_usage_hourly_rollup WHERE hour_bucket >= since
    ), t AS (
        SELECT coalesce(sum(call_count), 0)::bigint AS calls, coalesce(sum(error_count), 0)::bigint AS errors,
               coalesce(sum(response_time_sum_ms), 0)::numeric AS sum_ms
          FROM r
    )
    SELECT t.calls,
           t.calls - t.errors,
           t.errors,
           CASE WHEN t.calls = 0 THEN 0::numeric ELSE round((t.calls - t.errors) * 100.0 / t.calls, 2) END,
           (SELECT count(*) FROM (SELECT DISTINCT s.client_type, s.session_id
                                    FROM mcp_usage_hourly_server_sessions s WHERE s.hour_bucket >= since) AS d),
           CASE WHEN t.calls = 0 THEN 0::numeric ELSE round(t.sum_ms / t.calls, 2) END,
           (SELECT r.tool_name FROM r GROUP BY r.tool_name ORDER BY sum(r.call_count) DESC, r.tool_name LIMIT 1),
           (SELECT r.tool_category FROM r GROUP BY r.tool_category ORDER BY sum(r.call_count) DESC, r.tool_category LIMIT 1)
      FROM t;
END;
$$;

-- The day partitions with their rows (from the daily rollup) and bytes on disk, oldest first.
CREATE FUNCTION mcp_usage_partitions()
    RETURNS TABLE (day date, partition_name text, events bigint, total_bytes bigint)
    LANGUAGE sql STABLE
AS $$
    SELECT to_date(right(c.relname, 8), 'YYYYMMDD'),
           c.relname::text,
           coalesce((SELECT sum(r.call_count) FROM mcp_usage_daily_rollup r
                      WHERE r.date_bucket = to_date(right(c.relname, 8), 'YYYYMMDD')), 0)::bigint,
           pg_total_relation_size(c.oid)
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'archon_mcp_usage_events'::regclass
       AND c.relname ~ '^archon_mcp_usage_events_p[0-9]{8}$'
     ORDER BY 1;
$$;

-- What mcp_usage_remove_events_before(cutoff) would remove, without removing anything.
CREATE FUNCTION mcp_usage_events_before(cutoff timestamptz, OUT dropped_days date[], OUT deleted_count bigint)
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    boundary date := (cutoff AT TIME ZONE 'UTC')::date;
    trimmed bigint;
BEGIN
    SELECT coalesce(array_agg(p.day ORDER BY p.day), '{}'), coalesce(sum(p.events), 0)
      INTO dropped_days, deleted_count
      FROM mcp_usage_partitions() p WHERE p.day < boundary;
    SELECT count(*) INTO trimmed FROM archon_mcp_usage_events
     WHERE "timestamp" < cutoff AND "timestamp" >= boundary::timestamp AT TIME ZONE 'UTC'
        OR ("timestamp" < cutoff AND tableoid = 'archon_mcp_usage_events_default'::regclass);
    deleted_count := deleted_count + trimmed;
END;
$$;
