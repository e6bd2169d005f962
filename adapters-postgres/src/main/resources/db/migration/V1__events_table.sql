-- The seed's events table, range-partitioned by UTC day.
-- Buckets are computed in UTC explicitly: the seed's date_trunc on timestamptz is not immutable
-- and its migration fails on PostgreSQL 15 as written.

CREATE TABLE archon_mcp_usage_events (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    "timestamp"      timestamptz NOT NULL DEFAULT now(),
    server_name      text        NOT NULL DEFAULT 'default',
    tool_name        text        NOT NULL,
    tool_category    text        NOT NULL,
    session_id       text,
    client_type      text,
    request_metadata jsonb       DEFAULT '{}'::jsonb,
    source_id        text,
    query_text       text,
    match_count      integer,
    response_time_ms integer     NOT NULL,
    success          boolean     NOT NULL DEFAULT true,
    error_type       text,
    hour_bucket      timestamptz GENERATED ALWAYS AS
                     (date_trunc('hour', "timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') STORED,
    date_bucket      date        GENERATED ALWAYS AS (("timestamp" AT TIME ZONE 'UTC')::date) STORED,
    CONSTRAINT archon_mcp_usage_events_pkey PRIMARY KEY (id, "timestamp", server_name),
    CONSTRAINT archon_mcp_usage_events_query_text_length CHECK (char_length(query_text) <= 500),
    CONSTRAINT archon_mcp_usage_events_response_time_ms_positive CHECK (response_time_ms >= 0),
    CONSTRAINT archon_mcp_usage_events_match_count_positive CHECK (match_count >= 0),
    CONSTRAINT archon_mcp_usage_events_tool_name_present CHECK (tool_name <> ''),
    CONSTRAINT archon_mcp_usage_events_tool_category_present CHECK (tool_category <> '')
) PARTITION BY RANGE ("timestamp");

COMMENT ON TABLE archon_mcp_usage_events IS
    'MCP tool calls, one partition per UTC day (archon_mcp_usage_events_pYYYYMMDD); rollups are kept current by a statement trigger.';

-- Catches rows of days that have no partition yet (e.g. a psql INSERT for a far day);
-- mcp_usage_ensure_partition() moves them into their own day when it creates it.
CREATE TABLE archon_mcp_usage_events_default PARTITION OF archon_mcp_usage_events DEFAULT;

CREATE INDEX idx_mcp_usage_events_timestamp ON archon_mcp_usage_events ("timestamp" DESC);
CREATE INDEX idx_mcp_usage_events_tool ON archon_mcp_usage_events (tool_category, tool_name, "timestamp" DESC);
CREATE INDEX idx_mcp_usage_events_session ON archon_mcp_usage_events (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_mcp_usage_events_source ON archon_mcp_usage_events (source_id, "timestamp" DESC) WHERE source_id IS NOT NULL;
-- jsonb_path_ops: smaller and cheaper to maintain than the default opclass, and serves @> lookups
CREATE INDEX idx_mcp_usage_events_metadata ON archon_mcp_usage_events USING gin (request_metadata jsonb_path_ops);

-- Creates the partition of one UTC day unless it exists; rows of that day waiting in the default
-- partition are moved in. Returns true when it created the partition.
CREATE FUNCTION mcp_usage_ensure_partition(day date) RETURNS boolean
    LANGUAGE plpgsql
AS $$
DECLARE
    partition_name text := 'archon_mcp_usage_events_p' || to_char(day, 'YYYYMMDD');
    lower_bound timestamptz := day::timestamp AT TIME ZONE 'UTC';
    upper_bound timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
    waiting bigint;
BEGIN
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN false;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('mcp_usage_partition'), hashtext(partition_name));
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN false;
    END IF;

    SELECT count(*) INTO waiting FROM archon_mcp_usage_events_default
     WHERE "timestamp" >= lower_bound AND "timestamp" < upper_bound;
    IF waiting > 0 THEN
        CREATE TEMP TABLE mcp_usage_moving ON COMMIT DROP AS
            SELECT id, "timestamp", server_name, tool_name, tool_category, session_id, client_type,
                   request_metadata, source_id, query_text, match_count, response_time_ms, success, error_type
              FROM archon_mcp_usage_events_default
             WHERE "timestamp" >= lower_bound AND "timestamp" < upper_bound;
        DELETE FROM archon_mcp_usage_events_default
         WHERE "timestamp" >= lower_bound AND "timestamp" < upper_bound;
    END IF;

    EXECUTE format('CREATE TABLE %I PARTITION OF archon_mcp_usage_events FOR VALUES FROM (%L) TO (%L)',
                   partition_name, lower_bound, upper_bound);

    IF waiting > 0 THEN
        -- straight into the partition: the parent's statement trigger does not fire, and the
        -- rollups already count these rows from when they first arrived
        EXECUTE format('INSERT INTO %I (id, "timestamp", server_name, tool_name, tool_category, session_id,'
                       ' client_type, request_metadata, source_id, query_text, match_count, response_time_ms,'
                       ' success, error_type) SELECT * FROM mcp_usage_moving', partition_name);
        DROP TABLE mcp_usage_moving;
    END IF;
    RETURN true;
END;
$$;

-- Creates the missing partitions of the days first..last; returns how many it created.
CREATE FUNCTION mcp_usage_ensure_partitions(first_day date, last_day date) RETURNS integer
    LANGUAGE sql
AS $$
    SELECT count(*) FILTER (WHERE mcp_usage_ensure_partition(d::date))::integer
      FROM generate_series(first_day, last_day, interval '1 day') AS d;
$$;
