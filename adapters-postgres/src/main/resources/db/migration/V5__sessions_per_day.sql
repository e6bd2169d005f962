-- One session row per (UTC day, server, client, session) replaces the four session-set tables.
-- The old sets took one row per session and tool and bucket (about 0.9 rows per event, two
-- thirds of the rollup work at ingest); this takes one row per session and day (about 0.04 per
-- event) and keeps the rest as bits: `hours` has bit h set when the session called any tool in
-- UTC hour h of that day; `tool_hours[i]` holds the same bits for the tool
-- (`categories[i]`, `tools[i]`). Exact distinct counts over any window of whole hours still
-- follow: a session is in a window's part of a day when its (tool's) bits meet those hours.

CREATE TABLE mcp_usage_sessions (
    date_bucket date      NOT NULL,
    server_name text      NOT NULL,
    client_type text      NOT NULL,  -- '' when the client is unknown
    session_id  text      NOT NULL,
    hours       integer   NOT NULL,
    categories  text[]    NOT NULL,
    tools       text[]    NOT NULL,
    tool_hours  integer[] NOT NULL,
    -- what the latest update added, aligned with `tools` and read back by the same statement
    -- (RETURNING) to count new sessions per rollup row: the new hour bits, | 1 << 24 when the tool
    -- is new that day; NULL for a row the statement inserted (everything in it is new)
    added       integer[],
    CONSTRAINT mcp_usage_sessions_pkey PRIMARY KEY (date_bucket, server_name, client_type, session_id)
);

-- Merges the tool bits of a stored session row (1) with those of a batch (2), sorted by tool, and
-- says per tool what the batch added (see mcp_usage_sessions.added).
CREATE FUNCTION mcp_usage_merge_session_tools(
        c1 text[], t1 text[], h1 integer[], c2 text[], t2 text[], h2 integer[],
        OUT categories text[], OUT tools text[], OUT tool_hours integer[], OUT added integer[])
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT array_agg(c ORDER BY c, t), array_agg(t ORDER BY c, t), array_agg(old | new ORDER BY c, t),
           array_agg((new & ~old) | CASE WHEN had THEN 0 ELSE 16777216 END ORDER BY c, t)
      FROM (SELECT c, t, coalesce(bit_or(h) FILTER (WHERE side = 1), 0) AS old,
                   coalesce(bit_or(h) FILTER (WHERE side = 2), 0) AS new, bool_or(side = 1) AS had
              FROM (SELECT 1 AS side, a.* FROM unnest(c1, t1, h1) AS a(c, t, h)
                    UNION ALL
                    SELECT 2, b.* FROM unnest(c2, t2, h2) AS b(c, t, h)) AS both_sides
             GROUP BY c, t) AS merged;
$$;

-- Bits of the UTC hours of `day` inside [since, until): the window's part of that day.
CREATE FUNCTION mcp_usage_hours_mask(day date, since timestamptz, until timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(bit_or(1 << h), 0)
      FROM generate_series(0, 23) AS h
     WHERE (day::timestamp AT TIME ZONE 'UTC') + make_interval(hours => h) >= since
       AND (day::timestamp AT TIME ZONE 'UTC') + make_interval(hours => h) < until;
$$;

-- Sessions of the old sets, folded into day rows.
INSERT INTO mcp_usage_sessions (date_bucket, server_name, client_type, session_id, hours, categories, tools, tool_hours)
SELECT day, server_name, client_type, session_id, bit_or(bits),
       array_agg(tool_category ORDER BY tool_category, tool_name), array_agg(tool_name ORDER BY tool_category, tool_name),
       array_agg(bits ORDER BY tool_category, tool_name)
  FROM (SELECT (hour_bucket AT TIME ZONE 'UTC')::date AS day, server_name, client_type, session_id,
               tool_category, tool_name,
               bit_or(1 << extract(hour FROM hour_bucket AT TIME ZONE 'UTC')::integer) AS bits
          FROM mcp_usage_hourly_sessions
         GROUP BY 1, 2, 3, 4, 5, 6) AS per_tool
 GROUP BY 1, 2, 3, 4;

DROP TABLE mcp_usage_hourly_sessions, mcp_usage_daily_sessions,
           mcp_usage_hourly_server_sessions, mcp_usage_daily_server_sessions;


-- Distinct sessions of a window that reaches the present, without scanning session rows: a session
-- has a call in [since, now] exactly when its latest call is at or after `since`. Each session's
-- latest hour is kept, and per (server, client) how many sessions have their latest call in each
-- hour and in each UTC day; a 180-day count sums about 180 day rows and 24 hour rows per server
-- and client instead of counting 400,000 distinct pairs. Windows that end in the past, or with a
-- tool filter, count session rows.
CREATE TABLE mcp_usage_session_last_hours (
    server_name text        NOT NULL,
    client_type text        NOT NULL,
    session_id  text        NOT NULL,
    last_hour   timestamptz NOT NULL,
    -- last_hour before the latest update, read back by the same statement (NULL after insert)
    moved_from  timestamptz,
    CONSTRAINT mcp_usage_session_last_hours_pkey PRIMARY KEY (server_name, client_type, session_id)
);
CREATE INDEX idx_mcp_usage_session_last_hours_hour ON mcp_usage_session_last_hours (last_hour);

CREATE TABLE mcp_usage_sessions_by_last_hour (
    server_name text        NOT NULL,
    last_hour   timestamptz NOT NULL,
    client_type text        NOT NULL,
    sessions    bigint      NOT NULL,
    CONSTRAINT mcp_usage_sessions_by_last_hour_pkey PRIMARY KEY (server_name, last_hour, client_type)
);
CREATE INDEX idx_mcp_usage_sessions_by_last_hour_hour ON mcp_usage_sessions_by_last_hour (last_hour);

CREATE TABLE mcp_usage_sessions_by_last_day (
    server_name text   NOT NULL,
    last_day    date   NOT NULL,
    client_type text   NOT NULL,
    sessions    bigint NOT NULL,
    CONSTRAINT mcp_usage_sessions_by_last_day_pkey PRIMARY KEY (server_name, last_day, client_type)
);
CREATE INDEX idx_mcp_usage_sessions_by_last_day_day ON mcp_usage_sessions_by_last_day (last_day);

-- Recomputes both from the session day rows (the last hour of a day row is its highest hour bit).
CREATE FUNCTION mcp_usage_rebuild_session_last_hours() RETURNS void
    LANGUAGE sql
AS $$
    TRUNCATE mcp_usage_session_last_hours, mcp_usage_sessions_by_last_hour, mcp_usage_sessions_by_last_day;
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

SELECT mcp_usage_rebuild_session_last_hours();

-- Per-tool rollups: the per-client rollups without the client, a quarter of their rows. Every
-- read without a client filter (the dashboard, summaries, the hourly and daily series) sums these:
-- summing the 83 histogram columns of a day of per-client hourly rows took 3.6 ms, and the
-- series read the rows as they are.
DO $$
DECLARE
    grain record;
BEGIN
    FOR grain IN SELECT * FROM (VALUES
        ('mcp_usage_hourly_tool_rollup', 'mcp_usage_hourly_rollup', 'hour_bucket'),
        ('mcp_usage_daily_tool_rollup', 'mcp_usage_daily_rollup', 'date_bucket')
    ) AS g(tool_table, client_table, bucket_column)
    LOOP
        EXECUTE format('CREATE TABLE %1$I (LIKE %2$I INCLUDING DEFAULTS)', grain.tool_table, grain.client_table);
        EXECUTE format('ALTER TABLE %1$I DROP COLUMN client_type,'
                       ' ADD CONSTRAINT %2$I PRIMARY KEY (server_name, %3$I, tool_category, tool_name)',
                       grain.tool_table, grain.tool_table || '_pkey', grain.bucket_column);
        EXECUTE format('CREATE INDEX %1$I ON %2$I (%3$I)',
                       'idx_' || grain.tool_table || '_bucket', grain.tool_table, grain.bucket_column);
        EXECUTE format($sql$
            INSERT INTO %1$I
            SELECT %3$I, server_name, tool_category, tool_name, sum(call_count), sum(error_count),
                   sum(response_time_sum_ms), min(min_response_time_ms), max(max_response_time_ms),
                   min(first_call_at), max(last_call_at), sum(unique_sessions), %4$s
              FROM %2$I GROUP BY 1, 2, 3, 4
            $sql$, grain.tool_table, grain.client_table, grain.bucket_column,
            mcp_usage_latency_list('sum(%1$s)'));
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', grain.tool_table);
    END LOOP;
END;
$$;

ALTER TABLE mcp_usage_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_session_last_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_sessions_by_last_hour ENABLE ROW LEVEL SECURITY;
ALTER TABLE mcp_usage_sessions_by_last_day ENABLE ROW LEVEL SECURITY;
DO $$
DECLARE
    role text;
BEGIN
    FOREACH role IN ARRAY ARRAY['mcp_usage_writer', 'mcp_usage_reader'] LOOP
        CONTINUE WHEN NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role);
        EXECUTE format('GRANT SELECT ON mcp_usage_sessions TO %I', role);
        EXECUTE format('CREATE POLICY %I ON mcp_usage_sessions FOR SELECT TO %I USING (true)', role || '_read', role);
        EXECUTE format('GRANT SELECT ON mcp_usage_hourly_tool_rollup, mcp_usage_daily_tool_rollup,'
                       ' mcp_usage_session_last_hours, mcp_usage_sessions_by_last_hour,'
                       ' mcp_usage_sessions_by_last_day TO %I', role);
        EXECUTE format('CREATE POLICY %I ON mcp_usage_sessions_by_last_day FOR SELECT TO %I USING (true)', role || '_read', role);
        EXECUTE format('CREATE POLICY %I ON mcp_usage_session_last_hours FOR SELECT TO %I USING (true)', role || '_read', role);
        EXECUTE format('CREATE POLICY %I ON mcp_usage_sessions_by_last_hour FOR SELECT TO %I USING (true)', role || '_read', role);
        EXECUTE format('CREATE POLICY %I ON mcp_usage_hourly_tool_rollup FOR SELECT TO %I USING (true)', role || '_read', role);
        EXECUTE format('CREATE POLICY %I ON mcp_usage_daily_tool_rollup FOR SELECT TO %I USING (true)', role || '_read', role);
    END LOOP;
END;
$$;

-- The statements that fold the rows of `source` into the rollups: first one statement for the
-- session rows and both rollups (each rollup row gains the sessions the session upsert reports as
-- new for it), then sources and errors per grain.
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
    -- %1$s source, %2$s bucket expression, %3$s bucket column, %4$I sources table, %5$I errors table
    sources_and_errors text[] := ARRAY[$sql$
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
        $sql$, $sql$
        INSERT INTO %5$I AS r (%3$s, server_name, tool_category, tool_name, error_type, call_count, last_call_at)
        SELECT %2$s, e.server_name, e.tool_category, e.tool_name, coalesce(nullif(e.error_type, ''), 'unknown'),
               count(*), max(e."timestamp")
          FROM %1$s AS e
         WHERE NOT e.success
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 2, 1, 3, 4, 5
        ON CONFLICT (server_name, %3$s, tool_category, tool_name, error_type) DO UPDATE SET
            call_count   = r.call_count + excluded.call_count,
            last_call_at = greatest(r.last_call_at, excluded.last_call_at)
        $sql$];
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
                   tool_category, tool_name, bit_or(1 << (extract(epoch FROM hour_bucket)::bigint / 3600 %% 24)::integer) AS bits
              FROM %1$s AS e WHERE session_id IS NOT NULL
             GROUP BY 1, 2, 3, 4, 5, 6
        ), upserted AS (
            INSERT INTO mcp_usage_sessions AS s (date_bucket, server_name, client_type, session_id, hours,
                                                 categories, tools, tool_hours)
            SELECT date_bucket, server_name, client_type, session_id, bit_or(bits),
                   array_agg(tool_category ORDER BY tool_category, tool_name),
                   array_agg(tool_name ORDER BY tool_category, tool_name),
                   array_agg(bits ORDER BY tool_category, tool_name)
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
            SELECT u.date_bucket, u.server_name, g.tool_category, g.tool_name, u.client_type,
                   coalesce(g.added, g.hours | 16777216) AS bits
              FROM upserted u,
                   unnest(u.categories, u.tools, u.tool_hours, u.added) AS g(tool_category, tool_name, hours, added)
        ), hourly_sessions AS (
            SELECT (g.date_bucket::timestamp AT TIME ZONE 'UTC') + make_interval(hours => h) AS bucket,
                   g.server_name, g.tool_category, g.tool_name, g.client_type, count(*) AS n
              FROM gained g JOIN generate_series(0, 23) AS h ON g.bits & (1 << h) <> 0
             GROUP BY 1, 2, 3, 4, 5
        ), daily_sessions AS (
            SELECT date_bucket AS bucket, server_name, tool_category, tool_name, client_type, count(*) AS n
              FROM gained WHERE bits & 16777216 <> 0
             GROUP BY 1, 2, 3, 4, 5
        ), last_hours AS (
            INSERT INTO mcp_usage_session_last_hours AS l (server_name, client_type, session_id, last_hour)
            SELECT server_name, coalesce(client_type, ''), session_id, max(hour_bucket)
              FROM %1$s AS e WHERE session_id IS NOT NULL
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
        ), per_tool_hours AS (%3$s
        ), per_tool_days AS (%4$s
        ), per_client_days AS (%5$s
        ), hourly AS (%6$s
        ), hourly_tools AS (%7$s
        ), daily_tools AS (%8$s
        )
        %9$s
        $sql$, source,
            mcp_usage_latency_list('coalesce(sum(calls) FILTER (WHERE slot = %2$s), 0)::integer AS %1$s'),
            format(regroup, 'bucket', 'per_client_hours', ''),
            format(regroup, 'date_bucket', 'per_client_hours', ''),
            format(regroup, 'date_bucket', 'per_client_hours', ', client_type'),
            format(upsert, 'per_client_hours', 'hour_bucket', 'hourly_sessions', 'mcp_usage_hourly_rollup', 'RETURNING 1', ', client_type'),
            format(upsert, 'per_tool_hours', 'hour_bucket', 'hourly_sessions', 'mcp_usage_hourly_tool_rollup', 'RETURNING 1', ''),
            format(upsert, 'per_tool_days', 'date_bucket', 'daily_sessions', 'mcp_usage_daily_tool_rollup', 'RETURNING 1', ''),
            format(upsert, 'per_client_days', 'date_bucket', 'daily_sessions', 'mcp_usage_daily_rollup', '', ', client_type')),
        format(sources_and_errors[1], source, 'e.hour_bucket', 'hour_bucket', 'mcp_usage_hourly_sources', ''),
        format(sources_and_errors[2], source, 'e.hour_bucket', 'hour_bucket', '', 'mcp_usage_hourly_errors'),
        format(sources_and_errors[1], source, 'e.date_bucket', 'date_bucket', 'mcp_usage_daily_sources', ''),
        format(sources_and_errors[2], source, 'e.date_bucket', 'date_bucket', '', 'mcp_usage_daily_errors')];
END;
$fn$;

-- Rebuilds the rollups of the UTC days first..last from the events of those days.
CREATE OR REPLACE FUNCTION mcp_usage_rebuild_rollups(first_day date, last_day date) RETURNS bigint
    LANGUAGE plpgsql
AS $$
DECLARE
    lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
    upper_bound timestamptz := (last_day + 1)::timestamp AT TIME ZONE 'UTC';
    statement text;
    events bigint;
BEGIN
    DELETE FROM mcp_usage_hourly_rollup WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_rollup WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_hourly_tool_rollup WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_tool_rollup WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_sessions WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_hourly_sources WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_sources WHERE date_bucket BETWEEN first_day AND last_day;
    DELETE FROM mcp_usage_hourly_errors WHERE hour_bucket >= lower_bound AND hour_bucket < upper_bound;
    DELETE FROM mcp_usage_daily_errors WHERE date_bucket BETWEEN first_day AND last_day;
    FOREACH statement IN ARRAY mcp_usage_rollup_statements(format(
            '(SELECT * FROM archon_mcp_usage_events WHERE "timestamp" >= %L AND "timestamp" < %L)',
            lower_bound, upper_bound)) LOOP
        EXECUTE statement;
    END LOOP;
    -- a rebuilt day may have lost calls: latest hours follow from the session rows again
    PERFORM mcp_usage_rebuild_session_last_hours();
    SELECT coalesce(sum(call_count), 0) INTO events FROM mcp_usage_daily_rollup
     WHERE date_bucket BETWEEN first_day AND last_day;
    RETURN events;
END;
$$;

-- Removes every event before `cutoff`: day partitions wholly before it are dropped (no DELETE, the
-- space returns at once), the day holding it is trimmed and its rollups rebuilt. The aggregates of
-- the dropped days stay until mcp_usage_trim_aggregates_before: no read reaches them (windows end
-- at 180 days), and their rows, tens of thousands a day, would take longer to delete than the
-- day's partition takes to drop.
CREATE OR REPLACE FUNCTION mcp_usage_remove_events_before(cutoff timestamptz, OUT dropped_days date[], OUT deleted_count bigint)
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
            SELECT coalesce(sum(call_count), 0) INTO removed FROM mcp_usage_daily_tool_rollup WHERE date_bucket = day;
            EXECUTE format('DROP TABLE %I', partition.relname);
            deleted_count := deleted_count + removed;
            dropped_days := dropped_days || day;
        END IF;
    END LOOP;

    DELETE FROM archon_mcp_usage_events WHERE "timestamp" < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    deleted_count := deleted_count + removed;
    IF cutoff > boundary_start THEN
        PERFORM mcp_usage_rebuild_rollups(boundary, boundary);
    END IF;
END;
$$;

-- Deletes the aggregates of the days before `boundary` (rollups, sessions, sources, errors);
-- returns how many rows went.
CREATE FUNCTION mcp_usage_trim_aggregates_before(boundary date) RETURNS bigint
    LANGUAGE plpgsql
AS $$
DECLARE
    boundary_start timestamptz := boundary::timestamp AT TIME ZONE 'UTC';
    removed bigint;
    total bigint := 0;
BEGIN
    DELETE FROM mcp_usage_hourly_rollup WHERE hour_bucket < boundary_start;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_daily_rollup WHERE date_bucket < boundary;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_hourly_tool_rollup WHERE hour_bucket < boundary_start;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_daily_tool_rollup WHERE date_bucket < boundary;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_sessions WHERE date_bucket < boundary;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_session_last_hours WHERE last_hour < boundary_start;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_sessions_by_last_hour WHERE last_hour < boundary_start;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_sessions_by_last_day WHERE last_day < boundary;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_hourly_sources WHERE hour_bucket < boundary_start;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_daily_sources WHERE date_bucket < boundary;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_hourly_errors WHERE hour_bucket < boundary_start;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    DELETE FROM mcp_usage_daily_errors WHERE date_bucket < boundary;
    GET DIAGNOSTICS removed = ROW_COUNT; total := total + removed;
    RETURN total;
END;
$$;

-- Seed: deletes events older than 180 days (and their aggregates); returns how many events went.
CREATE OR REPLACE FUNCTION cleanup_mcp_usage_events(OUT deleted_count bigint)
    LANGUAGE plpgsql
AS $$
DECLARE
    cutoff timestamptz := now() - interval '180 days';
BEGIN
    SELECT r.deleted_count INTO deleted_count FROM mcp_usage_remove_events_before(cutoff) AS r;
    PERFORM mcp_usage_trim_aggregates_before((cutoff AT TIME ZONE 'UTC')::date);
END;
$$;

CREATE OR REPLACE FUNCTION refresh_mcp_usage_views() RETURNS TABLE (view_name text, refresh_status text)
    LANGUAGE plpgsql
AS $$
DECLARE
    first_day date;
    last_day date;
    rebuilt bigint := 0;
BEGIN
    SELECT (min(e."timestamp") AT TIME ZONE 'UTC')::date, (max(e."timestamp") AT TIME ZONE 'UTC')::date
      INTO first_day, last_day FROM archon_mcp_usage_events e;
    TRUNCATE mcp_usage_hourly_rollup, mcp_usage_daily_rollup, mcp_usage_sessions,
             mcp_usage_hourly_tool_rollup, mcp_usage_daily_tool_rollup,
             mcp_usage_session_last_hours, mcp_usage_sessions_by_last_hour, mcp_usage_sessions_by_last_day,
             mcp_usage_hourly_sources, mcp_usage_daily_sources, mcp_usage_hourly_errors, mcp_usage_daily_errors;
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

CREATE OR REPLACE FUNCTION get_mcp_usage_summary(time_range_hours integer DEFAULT 24)
    RETURNS TABLE (total_calls bigint, successful_calls bigint, failed_calls bigint, success_rate numeric,
                   unique_sessions bigint, avg_response_time_ms numeric, most_used_tool text,
                   most_used_category text)
    LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
DECLARE
    since timestamptz;
    since_day date;
BEGIN
    IF time_range_hours IS NULL OR time_range_hours < 1 OR time_range_hours > 4320 THEN
        RAISE EXCEPTION 'time_range_hours must be between 1 and 4320, was %', time_range_hours
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    since := (date_trunc('hour', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') - make_interval(hours => time_range_hours - 1);
    since_day := (since AT TIME ZONE 'UTC')::date;
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
                                    FROM mcp_usage_sessions s
                                   WHERE s.date_bucket > since_day
                                      OR (s.date_bucket = since_day
                                          AND s.hours & mcp_usage_hours_mask(since_day, since, 'infinity') <> 0)) AS d),
           CASE WHEN t.calls = 0 THEN 0::numeric ELSE round(t.sum_ms / t.calls, 2) END,
           (SELECT r.tool_name FROM r GROUP BY r.tool_name ORDER BY sum(r.call_count) DESC, r.tool_name LIMIT 1),
           (SELECT r.tool_category FROM r GROUP BY r.tool_category ORDER BY sum(r.call_count) DESC, r.tool_category LIMIT 1)
      FROM t;
END;
$$;

-- Only the events' primary key, time and metadata indexes stay: every analytics read comes from
-- the rollups, and the per-tool, per-session and per-source indexes cost about 40 % of an insert
-- (measured: 10,000 events, 124 ms with them, 58 ms with the primary key alone). An ad-hoc query
-- by session or source scans one day's partition, or the operator adds the index they need.
DROP INDEX idx_mcp_usage_events_tool;
DROP INDEX idx_mcp_usage_events_session;
DROP INDEX idx_mcp_usage_events_source;

-- The trigger runs the statements as static SQL, so each connection plans them once (planning
-- the first statement took 7.5 ms, a cost every batch paid when they ran through EXECUTE).
-- work_mem: the batch's session aggregation spilled to disk with the default 4 MB.
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
ALTER FUNCTION mcp_usage_rebuild_rollups(date, date) SET work_mem = '64MB';
