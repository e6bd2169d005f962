-- Expiry deletes only where rows before the cutoff can remain once the expired days' partitions are
-- dropped: the boundary day's partition and the default partition. The DELETE on the parent table
-- it replaces was planned over every partition first — 11 ms of planning at 180 days, most of what
-- expiring a day took (BENCHMARKS.md). The boundary day's rollups are rebuilt only when it lost
-- events: at 100M events that rebuild takes about a minute.
CREATE OR REPLACE FUNCTION mcp_usage_remove_events_before(cutoff timestamptz, OUT dropped_days date[], OUT deleted_count bigint)
    LANGUAGE plpgsql
AS $$
DECLARE
    boundary date := (cutoff AT TIME ZONE 'UTC')::date;
    boundary_start timestamptz := boundary::timestamp AT TIME ZONE 'UTC';
    boundary_partition text := 'archon_mcp_usage_events_p' || to_char(boundary, 'YYYYMMDD');
    partition record;
    day date;
    removed bigint;
    trimmed boolean := false;
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
            SELECT coalesce(sum(call_count), 0) INTO removed FROM mcp_usage_daily_tool_rollup WHERE date_bucket = day;
            EXECUTE format('DROP TABLE %I', partition.relname);
            deleted_count := deleted_count + removed;
            dropped_days := dropped_days || day;
        END IF;
    END LOOP;

    IF cutoff > boundary_start AND to_regclass(boundary_partition) IS NOT NULL THEN
        EXECUTE format('DELETE FROM %I WHERE "timestamp" < $1', boundary_partition) USING cutoff;
        GET DIAGNOSTICS removed = ROW_COUNT;
        deleted_count := deleted_count + removed;
        trimmed := removed > 0;
    END IF;
    DELETE FROM archon_mcp_usage_events_default WHERE "timestamp" < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    deleted_count := deleted_count + removed;
    IF cutoff > boundary_start AND (trimmed OR removed > 0) THEN
        PERFORM mcp_usage_rebuild_rollups(boundary, boundary);
    END IF;
END;
$$;

-- Rebuilds the sessions' latest hours and their counters without TRUNCATE: its ACCESS EXCLUSIVE
-- lock held every summary read until the rebuild committed (a minute at 100M events). EXCLUSIVE
-- keeps writers out, as TRUNCATE did, and lets readers see the old rows until the commit.
CREATE OR REPLACE FUNCTION mcp_usage_rebuild_session_last_hours() RETURNS void
    LANGUAGE sql
AS $$
    LOCK TABLE mcp_usage_session_last_hours, mcp_usage_sessions_by_last_hour, mcp_usage_sessions_by_last_day
        IN EXCLUSIVE MODE;
    DELETE FROM mcp_usage_session_last_hours;
    DELETE FROM mcp_usage_sessions_by_last_hour;
    DELETE FROM mcp_usage_sessions_by_last_day;
    INSERT INTO mcp_usage_session_last_hours (server_name, client_type, session_id, last_hour)
    SELECT server_name, client_type, session_id,
           max((date_bucket::timestamp AT TIME ZONE 'UTC')
               + make_interval(hours => 24 - position('1' IN hours::bit(24)::text)))
      FROM mcp_usage_sessions
     WHERE hours <> 0
     GROUP BY 1, 2, 3;
    INSERT INTO mcp_usage_sessions_by_last_hour (server_name, last_hour, client_type, sessions)
    SELECT server_name, last_hour, client_type, count(*)
      FROM mcp_usage_session_last_hours
     GROUP BY 1, 2, 3;
    INSERT INTO mcp_usage_sessions_by_last_day (server_name, last_day, client_type, sessions)
    SELECT server_name, (last_hour AT TIME ZONE 'UTC')::date, client_type, count(*)
      FROM mcp_usage_session_last_hours
     GROUP BY 1, 2, 3;
$$;
