-- The seed's design, rebuilt from its description in a scratch schema `seed` so the harness can
-- measure it beside ours on the same PostgreSQL: one unpartitioned events table with the seed's
-- indexes (default GIN opclass on the metadata), hourly and daily materialized views refreshed in
-- full, retention by DELETE. Buckets are computed in UTC: the seed's date_trunc on timestamptz is
-- not immutable and its migration fails on PostgreSQL 15 as written.
DROP SCHEMA IF EXISTS seed CASCADE;
CREATE SCHEMA seed;

CREATE TABLE seed.archon_mcp_usage_events (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    "timestamp"      timestamptz NOT NULL DEFAULT now(),
    tool_name        text        NOT NULL,
    tool_category    text        NOT NULL,
    session_id       text,
    client_type      text,
    request_metadata jsonb       DEFAULT '{}'::jsonb,
    source_id        text,
    query_text       text CHECK (char_length(query_text) <= 500),
    match_count      integer,
    response_time_ms integer,
    success          boolean     NOT NULL DEFAULT true,
    error_type       text,
    hour_bucket      timestamptz GENERATED ALWAYS AS
                     (date_trunc('hour', "timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') STORED,
    date_bucket      date        GENERATED ALWAYS AS (("timestamp" AT TIME ZONE 'UTC')::date) STORED
);

CREATE INDEX seed_events_timestamp ON seed.archon_mcp_usage_events ("timestamp" DESC);
CREATE INDEX seed_events_tool ON seed.archon_mcp_usage_events (tool_name, "timestamp" DESC);
CREATE INDEX seed_events_category ON seed.archon_mcp_usage_events (tool_category, "timestamp" DESC);
CREATE INDEX seed_events_session ON seed.archon_mcp_usage_events (session_id);
CREATE INDEX seed_events_hour ON seed.archon_mcp_usage_events (hour_bucket);
CREATE INDEX seed_events_date ON seed.archon_mcp_usage_events (date_bucket);
CREATE INDEX seed_events_metadata ON seed.archon_mcp_usage_events USING gin (request_metadata);
