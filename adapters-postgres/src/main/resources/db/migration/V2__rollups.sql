-- Hourly and daily rollups kept current in the inserting transaction, by any writer
-- (COPY, INSERT, psql): a statement-level trigger aggregates just the inserted rows.

-- The latency histogram's fixed lower bounds (ms); the domain's LatencyHistogram uses the same.
CREATE FUNCTION mcp_usage_latency_bounds() RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT '{0,1,2,3,4,5,6,7,8,9,10,12,14,16,19,22,26,31,37,44,52,62,74,88,105,126,151,181,217,260,312,374,448,537,644,772,926,1111,1333,1599,1918,2301,2761,3313,3975,4770,5724,6868,8241,9889,11866,14239,17086,20503,24603,29523,35427,42512,51014,61216,73459,88150,105780,126936,152323,182787,219344,263212,315854,379024,454828,545793,654951,785941,943129,1131754,1358104,1629724,1955668,2346801,2816161,3379393,3600000}'::integer[];
$$;

-- The latency histogram is stored as one bigint column per bucket (latency_b01 .. latency_b83):
-- summing columns is native aggregation, where merging arrays would take a function call per row.
-- This renders `template` once per bucket (%1$s = column name, %2$s = 1-based bucket number).
CREATE FUNCTION mcp_usage_latency_list(template text, separator text DEFAULT ', ') RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT string_agg(format(template, 'latency_b' || lpad(i::text, 2, '0'), i), separator ORDER BY i)
      FROM generate_series(1, cardinality(mcp_usage_latency_bounds())) AS i;
$$;

-- Nearest-rank percentile p (0 < p <= 1) read from a histogram, clamped to the observed extremes;
-- the same estimate as the domain's BucketStats.percentiles().
CREATE FUNCTION mcp_usage_percentile(histogram bigint[], p double precision, min_ms integer, max_ms integer)
    RETURNS integer
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    bounds integer[] := mcp_usage_latency_bounds();
    total bigint := 0;
    seen bigint := 0;
    target bigint;
    lo bigint;
    hi bigint;
    estimate integer;
BEGIN
    IF histogram IS NULL THEN
        RETURN 0;
    END IF;
    SELECT coalesce(sum(c), 0) INTO total FROM unnest(histogram) AS c;
    IF total = 0 THEN
        RETURN 0;
    END IF;
    target := ceil(p * total);
    FOR i IN 1 .. cardinality(histogram) LOOP
        seen := seen + histogram[i];
        IF seen >= target THEN
            lo := bounds[i];
            IF i = cardinality(bounds) THEN
                estimate := lo;
            ELSE
                hi := bounds[i + 1] - 1;
                estimate := CASE WHEN lo = hi THEN lo ELSE round((2.0 * lo * hi) / (lo + hi)) END;
            END IF;
            RETURN greatest(min_ms, least(max_ms, estimate));
        END IF;
    END LOOP;
    RETURN max_ms;
END;
$$;

CREATE TABLE mcp_usage_hourly_rollup (
    hour_bucket          timestamptz NOT NULL,
    server_name          text        NOT NULL,
    tool_category        text        NOT NULL,
    tool_name            text        NOT NULL,
    client_type          text        NOT NULL,  -- '' when the client is unknown
    call_count           bigint      NOT NULL,
    error_count          bigint      NOT NULL,
    response_time_sum_ms bigint      NOT NULL,
    min_response_time_ms integer     NOT NULL,
    max_response_time_ms integer     NOT NULL,
    first_call_at        timestamptz NOT NULL,
    last_call_at         timestamptz NOT NULL,
    unique_sessions      bigint      NOT NULL,  -- distinct sessions of this very row (this client)
    CONSTRAINT mcp_usage_hourly_rollup_pkey
        PRIMARY KEY (server_name, hour_bucket, tool_category, tool_name, client_type)
);
CREATE INDEX idx_mcp_usage_hourly_rollup_bucket ON mcp_usage_hourly_rollup (hour_bucket);

CREATE TABLE mcp_usage_daily_rollup (
    date_bucket          date        NOT NULL,
    server_name          text        NOT NULL,
    tool_category        text        NOT NULL,
    tool_name            text        NOT NULL,
    client_type          text        NOT NULL,
    call_count           bigint      NOT NULL,
    error_count          bigint      NOT NULL,
    response_time_sum_ms bigint      NOT NULL,
    min_response_time_ms integer     NOT NULL,
    max_response_time_ms integer     NOT NULL,
    first_call_at        timestamptz NOT NULL,
    last_call_at         timestamptz NOT NULL,
    unique_sessions      bigint      NOT NULL,
    CONSTRAINT mcp_usage_daily_rollup_pkey
        PRIMARY KEY (server_name, date_bucket, tool_category, tool_name, client_type)
);
CREATE INDEX idx_mcp_usage_daily_rollup_bucket ON mcp_usage_daily_rollup (date_bucket);

-- integer, not bigint: sum(integer) accumulates in bigint, sum(bigint) in numeric, 2.6x slower over
-- a week of hourly rows. One row's bucket holds up to 2,147,483,647 calls of one tool from one
-- client type in one hour or day, far above even a billion calls a day spread over buckets.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE mcp_usage_hourly_rollup ' || mcp_usage_latency_list('ADD COLUMN %1$s integer NOT NULL DEFAULT 0');
    EXECUTE 'ALTER TABLE mcp_usage_daily_rollup ' || mcp_usage_latency_list('ADD COLUMN %1$s integer NOT NULL DEFAULT 0');
END;
$$;

-- Exact distinct sessions: the set of sessions seen per rollup row.
CREATE TABLE mcp_usage_hourly_sessions (
    hour_bucket   timestamptz NOT NULL,
    server_name   text        NOT NULL,
    tool_category text        NOT NULL,
    tool_name     text        NOT NULL,
    client_type   text        NOT NULL,
    session_id    text        NOT NULL,
    CONSTRAINT mcp_usage_hourly_sessions_pkey
        PRIMARY KEY (server_name, hour_bucket, tool_category, tool_name, client_type, session_id)
);
CREATE INDEX idx_mcp_usage_hourly_sessions_bucket ON mcp_usage_hourly_sessions (hour_bucket);

CREATE TABLE mcp_usage_daily_sessions (
    date_bucket   date        NOT NULL,
    server_name   text        NOT NULL,
    tool_category text        NOT NULL,
    tool_name     text        NOT NULL,
    client_type   text        NOT NULL,
    session_id    text        NOT NULL,
    CONSTRAINT mcp_usage_daily_sessions_pkey
        PRIMARY KEY (server_name, date_bucket, tool_category, tool_name, client_type, session_id)
);
CREATE INDEX idx_mcp_usage_daily_sessions_bucket ON mcp_usage_daily_sessions (date_bucket);

-- Sessions per bucket and server only: distinct sessions over a window without a tool filter
-- count these rows, a few thousand a day, rather than the per-tool sets.
CREATE TABLE mcp_usage_hourly_server_sessions (
    hour_bucket timestamptz NOT NULL,
    server_name text        NOT NULL,
    client_type text        NOT NULL,
    session_id  text        NOT NULL,
    CONSTRAINT mcp_usage_hourly_server_sessions_pkey PRIMARY KEY (server_name, hour_bucket, client_type, session_id)
);
CREATE INDEX idx_mcp_usage_hourly_server_sessions_bucket ON mcp_usage_hourly_server_sessions (hour_bucket);

CREATE TABLE mcp_usage_daily_server_sessions (
    date_bucket date NOT NULL,
    server_name text NOT NULL,
    client_type text NOT NULL,
    session_id  text NOT NULL,
    CONSTRAINT mcp_usage_daily_server_sessions_pkey PRIMARY KEY (server_name, date_bucket, client_type, session_id)
);
CREATE INDEX idx_mcp_usage_daily_server_sessions_bucket ON mcp_usage_daily_server_sessions (date_bucket);

-- Calls per knowledge source (source_id), for "top knowledge bases".
CREATE TABLE mcp_usage_hourly_sources (
    hour_bucket   timestamptz NOT NULL,
    server_name   text        NOT NULL,
    tool_category text        NOT NULL,
    tool_name     text        NOT NULL,
    source_id     text        NOT NULL,
    call_count    bigint      NOT NULL,
    error_count   bigint      NOT NULL,
    CONSTRAINT mcp_usage_hourly_sources_pkey
        PRIMARY KEY (server_name, hour_bucket, tool_category, tool_name, source_id)
);
CREATE INDEX idx_mcp_usage_hourly_sources_bucket ON mcp_usage_hourly_sources (hour_bucket);

CREATE TABLE mcp_usage_daily_sources (
    date_bucket   date        NOT NULL,
    server_name   text        NOT NULL,
    tool_category text        NOT NULL,
    tool_name     text        NOT NULL,
    source_id     text        NOT NULL,
    call_count    bigint      NOT NULL,
    error_count   bigint      NOT NULL,
    CONSTRAINT mcp_usage_daily_sources_pkey
        PRIMARY KEY (server_name, date_bucket, tool_category, tool_name, source_id)
);
CREATE INDEX idx_mcp_usage_daily_sources_bucket ON mcp_usage_daily_sources (date_bucket);

-- Failed calls per tool and error type ('unknown' when the writer gave none).
CREATE TABLE mcp_usage_hourly_errors (
    hour_bucket   timestamptz NOT NULL,
    server_name   text        NOT NULL,
    tool_category text        NOT NULL,
    tool_name     text        NOT NULL,
    error_type    text        NOT NULL,
    call_count    bigint      NOT NULL,
    last_call_at  timestamptz NOT NULL,
    CONSTRAINT mcp_usage_hourly_errors_pkey
        PRIMARY KEY (server_name, hour_bucket, tool_category, tool_name, error_type)
);
CREATE INDEX idx_mcp_usage_hourly_errors_bucket ON mcp_usage_hourly_errors (hour_bucket);

CREATE TABLE mcp_usage_daily_errors (
    date_bucket   date        NOT NULL,
    server_name   text        NOT NULL,
    tool_category text        NOT NULL,
    tool_name     text        NOT NULL,
    error_type    text        NOT NULL,
    call_count    bigint      NOT NULL,
    last_call_at  timestamptz NOT NULL,
    CONSTRAINT mcp_usage_daily_errors_pkey
        PRIMARY KEY (server_name, date_bucket, tool_category, tool_name, error_type)
);
CREATE INDEX idx_mcp_usage_daily_errors_bucket ON mcp_usage_daily_errors (date_bucket);

-- The statements that fold the rows of `source` (a relation or a parenthesized query with the
-- events table's columns) into the rollups; shared by the insert trigger and by rebuilds.
CREATE FUNCTION mcp_usage_rollup_statements(source text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
AS $fn$
    SELECT array_agg(u.statement ORDER BY g.ord, u.position)
      FROM (VALUES
        (1, 'e.hour_bucket', 'hour_bucket', 'mcp_usage_hourly_sessions', 'mcp_usage_hourly_rollup',
            'mcp_usage_hourly_sources', 'mcp_usage_hourly_errors', 'mcp_usage_hourly_server_sessions'),
        (2, 'e.date_bucket', 'date_bucket', 'mcp_usage_daily_sessions', 'mcp_usage_daily_rollup',
            'mcp_usage_daily_sources', 'mcp_usage_daily_errors', 'mcp_usage_daily_server_sessions')
      ) AS g(ord, bucket_expression, bucket_column, sessions_table, rollup_table, sources_table, errors_table,
             server_sessions_table)
     CROSS JOIN LATERAL unnest(ARRAY[format($sql$
        WITH src AS MATERIALIZED (
            SELECT server_name, %2$s AS bucket, tool_category, tool_name,
                   coalesce(client_type, '') AS client_type, session_id, success, response_time_ms, "timestamp",
                   width_bucket(response_time_ms, mcp_usage_latency_bounds()) AS slot
              FROM %1$s AS e
        ), new_sessions AS (
            INSERT INTO %4$I (%3$s, server_name, tool_category, tool_name, client_type, session_id)
            SELECT DISTINCT bucket, server_name, tool_category, tool_name, client_type, session_id
              FROM src WHERE session_id IS NOT NULL
             ORDER BY 2, 1, 3, 4, 5, 6
            ON CONFLICT DO NOTHING
            RETURNING %3$s AS bucket, server_name, tool_category, tool_name, client_type
        ), session_counts AS (
            SELECT bucket, server_name, tool_category, tool_name, client_type, count(*) AS n
              FROM new_sessions GROUP BY 1, 2, 3, 4, 5
        ), totals AS (
            SELECT bucket, server_name, tool_category, tool_name, client_type,
                   count(*) AS calls, count(*) FILTER (WHERE NOT success) AS errors,
                   sum(response_time_ms) AS sum_ms, min(response_time_ms) AS min_ms, max(response_time_ms) AS max_ms,
                   min("timestamp") AS first_at, max("timestamp") AS last_at,
                   %6$s
              FROM src GROUP BY 1, 2, 3, 4, 5
        )
        INSERT INTO %5$I AS r (%3$s, server_name, tool_category, tool_name, client_type, call_count, error_count,
                               response_time_sum_ms, min_response_time_ms, max_response_time_ms,
                               first_call_at, last_call_at, unique_sessions, %7$s)
        SELECT t.bucket, t.server_name, t.tool_category, t.tool_name, t.client_type, t.calls, t.errors,
               t.sum_ms, t.min_ms, t.max_ms, t.first_at, t.last_at, coalesce(s.n, 0), %8$s
          FROM totals t
          LEFT JOIN session_counts s USING (bucket, server_name, tool_category, tool_name, client_type)
         ORDER BY t.server_name, t.bucket, t.tool_category, t.tool_name, t.client_type
        ON CONFLICT (server_name, %3$s, tool_category, tool_name, client_type) DO UPDATE SET
            call_count           = r.call_count + excluded.call_count,
            error_count          = r.error_count + excluded.error_count,
            response_time_sum_ms = r.response_time_sum_ms + excluded.response_time_sum_ms,
            min_response_time_ms = least(r.min_response_time_ms, excluded.min_response_time_ms),
            max_response_time_ms = greatest(r.max_response_time_ms, excluded.max_response_time_ms),
            first_call_at        = least(r.first_call_at, excluded.first_call_at),
            last_call_at         = greatest(r.last_call_at, excluded.last_call_at),
            unique_sessions      = r.unique_sessions + excluded.unique_sessions,
            %9$s
        $sql$, source, g.bucket_expression, g.bucket_column, g.sessions_table, g.rollup_table,
            mcp_usage_latency_list('count(*) FILTER (WHERE slot = %2$s) AS %1$s'),
            mcp_usage_latency_list('%1$s'),
            mcp_usage_latency_list('t.%1$s'),
            mcp_usage_latency_list('%1$s = r.%1$s + excluded.%1$s')),
        format($sql$
        INSERT INTO %4$I AS r (%3$s, server_name, tool_category, tool_name, source_id, call_count, error_count)
        SELECT %2$s, e.server_name, e.tool_category, e.tool_name, e.source_id,
               count(*), count(*) FILTER (WHERE NOT e.success)
          FROM %1$s AS e
         WHERE e.source_id IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 2, 1, 3, 4, 5
        ON CONFLICT (server_name, %3$s, tool_category, tool_name, source_id) DO UPDATE SET
            call_count  = r.call_count + excluded.call_count,
            error_count = r.error_count + excluded.error_count
        $sql$, source, g.bucket_expression, g.bucket_column, g.sources_table),
        format($sql$
        INSERT INTO %4$I AS r (%3$s, server_name, tool_category, tool_name, error_type, call_count, last_call_at)
        SELECT %2$s, e.server_name, e.tool_category, e.tool_name, coalesce(nullif(e.error_type, ''), 'unknown'),
               count(*), max(e."timestamp")
          FROM %1$s AS e
         WHERE NOT e.success
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 2, 1, 3, 4, 5
        ON CONFLICT (server_name, %3$s, tool_category, tool_name, error_type) DO UPDATE SET
            call_count   = r.call_count + excluded.call_count,
            last_call_at = greatest(r.last_call_at, excluded.last_call_at)
        $sql$, source, g.bucket_expression, g.bucket_column, g.errors_table),
        format($sql$
        INSERT INTO %4$I (%3$s, server_name, client_type, session_id)
        SELECT DISTINCT %2$s, e.server_name, coalesce(e.client_type, ''), e.session_id
          FROM %1$s AS e
         WHERE e.session_id IS NOT NULL
         ORDER BY 2, 1, 3, 4
        ON CONFLICT DO NOTHING
        $sql$, source, g.bucket_expression, g.bucket_column, g.server_sessions_table)
     ]) WITH ORDINALITY AS u(statement, position);
$fn$;

-- SECURITY DEFINER: a writer role needs INSERT on the events only, not on the rollups.
CREATE FUNCTION mcp_usage_rollup_inserted_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    statement text;
BEGIN
    FOREACH statement IN ARRAY mcp_usage_rollup_statements('new_events') LOOP
        EXECUTE statement;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER mcp_usage_rollup_after_insert
    AFTER INSERT ON archon_mcp_usage_events
    REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION mcp_usage_rollup_inserted_events();

-- Rebuilds the rollups of the UTC days first..last from the events of those days.
CREATE FUNCTION mcp_usage_rebuild_rollups(first_day date, last_day date) RETURNS bigint
    LANGUAGE plpgsql
AS $$
DECLARE
    lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
    upper_bound timestamptz := (last_day + 1)::timestamp AT TIME ZONE 'UTC';
    statement text;
    events bigint;
BEGIN
    DELETE FROM mcp_usage_hourly_rollup WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_hourly_sessions WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_rollup WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_daily_sessions WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_hourly_sources WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_sources WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_hourly_errors WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_errors WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_hourly_server_sessions WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_server_sessions WHERE date_bucket BETWEEN first_day AND last_day;
    FOREACH statement IN ARRAY mcp_usage_rollup_statements(format(
            '(SELECT * FROM archon_mcp_usage_events WHERE "timestamp" >= %L AND "timestamp" < %L)',
            lower_bound, upper_bound)) LOOP
        EXECUTE statement;
    END LOOP;
    SELECT coalesce(sum(call_count), 0) INTO events FROM mcp_usage_daily_rollup
     WHERE date_bucket BETWEEN first_day AND last_day;
    RETURN events;
END;
$$;
