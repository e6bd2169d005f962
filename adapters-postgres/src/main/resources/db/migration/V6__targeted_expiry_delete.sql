-- Expiry deletes only where rows before the cutoff can remain once the expired days' partitions are
-- dropped: the boundary day's partition and the default partition. The DELETE on the parent table
-- it replaces was planned over every partition first — 11 ms of planning at 180 days, most of what
-- expiring a day took (BENCHMARKS.md).
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
    END IF;
    DELETE FROM archon_mcp_usage_events_default WHERE "timestamp" < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    deleted_count := deleted_count + removed;
    IF cutoff > boundary_start THEN
        PERFORM mcp_usage_rebuild_rollups(boundary, boundary);
    END IF;
END;
$$;
