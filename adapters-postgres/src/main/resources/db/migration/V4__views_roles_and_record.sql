-- The seed's two "materialized views", now plain views over always-current rollups, one row per
-- (bucket, server, category, tool) with exact distinct sessions and latency percentiles.
DO $$
DECLARE
    grain record;
BEGIN
    FOR grain IN SELECT * FROM (VALUES
        ('archon_mcp_usage_hourly', 'hour_bucket', 'mcp_usage_hourly_rollup'),
        ('archon_mcp_usage_daily', 'date_bucket', 'mcp_usage_daily_rollup')
    ) AS g(view_name, bucket_column, rollup_table)
    LOOP
        EXECUTE format($view$
            CREATE VIEW %1$I AS
            SELECT r.%2$I,
                   r.server_name,
                   r.tool_category,
                   r.tool_name,
                   sum(r.call_count)::bigint AS call_count,
                   round(sum(r.response_time_sum_ms)::numeric / sum(r.call_count), 2) AS avg_response_time_ms,
                   sum(r.error_count)::bigint AS error_count,
                   sum(r.unique_sessions)::bigint AS unique_sessions,
                   min(r.first_call_at) AS first_call_at,
                   max(r.last_call_at) AS last_call_at,
                   mcp_usage_percentile(ARRAY[%4$s]::bigint[], 0.50, min(r.min_response_time_ms), max(r.max_response_time_ms)) AS p50_response_time_ms,
                   mcp_usage_percentile(ARRAY[%4$s]::bigint[], 0.95, min(r.min_response_time_ms), max(r.max_response_time_ms)) AS p95_response_time_ms,
                   mcp_usage_percentile(ARRAY[%4$s]::bigint[], 0.99, min(r.min_response_time_ms), max(r.max_response_time_ms)) AS p99_response_time_ms
              FROM %3$I r
             GROUP BY r.%2$I, r.server_name, r.tool_category, r.tool_name
            $view$, grain.view_name, grain.bucket_column, grain.rollup_table,
            mcp_usage_latency_list('sum(r.%1$s)'));
    END LOOP;
END;
$$;

-- A working replacement of the seed's "materialized view status" query (which selects columns
-- pg_stat_user_tables does not have): how current each rollup is against the events.
CREATE VIEW mcp_usage_rollup_status AS
WITH latest AS (
    SELECT (SELECT max("timestamp") FROM archon_mcp_usage_events) AS last_event_at
)
SELECT 'archon_mcp_usage_hourly'::text AS view_name,
       'rollup table kept current by trigger'::text AS maintained_by,
       (SELECT count(*) FROM mcp_usage_hourly_rollup) AS rollup_rows,
       (SELECT max(last_call_at) FROM mcp_usage_hourly_rollup) AS last_call_at,
       latest.last_event_at,
       (SELECT max(last_call_at) FROM mcp_usage_hourly_rollup) IS NOT DISTINCT FROM latest.last_event_at AS in_sync
  FROM latest
UNION ALL
SELECT 'archon_mcp_usage_daily',
       'rollup table kept current by trigger',
       (SELECT count(*) FROM mcp_usage_daily_rollup),
       (SELECT max(last_call_at) FROM mcp_usage_daily_rollup),
       latest.last_event_at,
       (SELECT max(last_call_at) FROM mcp_usage_daily_rollup) IS NOT DISTINCT FROM latest.last_event_at
  FROM latest;

-- Roles mirroring the seed's RLS (service role writes, authenticated users read). Roles are
-- cluster-wide: created only when missing, and skipped with a notice where we may not create them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mcp_usage_writer') THEN
        CREATE ROLE mcp_usage_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mcp_usage_reader') THEN
        CREATE ROLE mcp_usage_reader NOLOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'roles mcp_usage_writer/mcp_usage_reader not created: %', SQLERRM;
END;
$$;

ALTER TABLE archon_mcp_usage_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_hourly_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_daily_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_hourly_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_daily_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_hourly_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_daily_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_hourly_errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_daily_errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_hourly_server_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_daily_server_sessions ENABLE ROW LEVEL SECURITY;

DO $$
DECLARE
    rollup_tables text[] := ARRAY['mcp_usage_hourly_rollup', 'mcp_usage_daily_rollup', 'mcp_usage_hourly_sessions',
                                  'mcp_usage_daily_sessions', 'mcp_usage_hourly_sources', 'mcp_usage_daily_sources',
                                  'mcp_usage_hourly_errors', 'mcp_usage_daily_errors',
                                  'mcp_usage_hourly_server_sessions', 'mcp_usage_daily_server_sessions'];
    rollup_table text;
    role text;
BEGIN
    FOREACH role IN ARRAY ARRAY['mcp_usage_writer', 'mcp_usage_reader'] LOOP
        CONTINUE WHEN NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role);
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', role);
        EXECUTE format('GRANT SELECT ON archon_mcp_usage_events, archon_mcp_usage_hourly, archon_mcp_usage_daily,'
                       ' mcp_usage_rollup_status TO %I', role);
        EXECUTE format('GRANT EXECUTE ON FUNCTION get_mcp_usage_summary(integer) TO %I', role);
        EXECUTE format('CREATE POLICY %I ON archon_mcp_usage_events FOR SELECT TO %I USING (true)', role || '_read', role);
        FOREACH rollup_table IN ARRAY rollup_tables LOOP
            EXECUTE format('GRANT SELECT ON %I TO %I', rollup_table, role);
            EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO %I USING (true)', role || '_read', rollup_table, role);
        END LOOP;
    END LOOP;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'mcp_usage_writer') THEN
        GRANT INSERT ON archon_mcp_usage_events TO mcp_usage_writer;
        CREATE POLICY mcp_usage_writer_insert ON archon_mcp_usage_events
            FOR INSERT TO mcp_usage_writer WITH CHECK (true);
    END IF;
END;
$$;

-- The seed's migration record, in Archon's own table where it exists.
CREATE TABLE IF NOT EXISTS archon_migrations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version        varchar(20)  NOT NULL,
    migration_name varchar(255) NOT NULL,
    applied_at     timestamptz  NOT NULL DEFAULT now(),
    checksum       varchar(32),
    UNIQUE (version, migration_name)
);

INSERT INTO archon_migrations (version, migration_name)
SELECT '0.2.0', '001_add_mcp_usage_tracking'
 WHERE NOT EXISTS (SELECT 1 FROM archon_migrations
                    WHERE version = '0.2.0' AND migration_name = '001_add_mcp_usage_tracking');
