-- The session merge inlined into the rollup statement. The insert statement calls the merge once per
-- session row the batch updates (ON CONFLICT ... DO UPDATE); declared as returning a record, a SQL
-- function is never inlined and each call ran through the SQL-function executor. Declared as
-- returning a table (one row, as before) it is inlined into the statement's plan. Its arrays are
-- aggregated without ORDER BY, as the insert's are since V7: one aggregation fills all four, so
-- they stay aligned, and every reader unnests them.
-- Measured on the 10M harness database after the harness's runs (psql, batch B continuing the
-- sessions of batch A, 10,000 events each, median of 8, two rounds each, alternating):
-- 213 / 217 ms before, 164 / 163 ms after.
-- Tried and not kept (no difference beyond the noise): the last_hour index of
-- mcp_usage_session_last_hours dropped or made BRIN (its updates could then be HOT).
DROP FUNCTION mcp_usage_merge_session_tools(text[], text[], integer[], text[], text[], integer[]);

-- Merges the tool bits of a stored session row (1) with those of a batch (2) and says per tool what
-- the batch added (see mcp_usage_sessions.added): exactly one row.
CREATE FUNCTION mcp_usage_merge_session_tools(
        c1 text[], t1 text[], h1 integer[], c2 text[], t2 text[], h2 integer[])
    RETURNS TABLE (categories text[], tools text[], tool_hours integer[], added integer[])
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT array_agg(c), array_agg(t), array_agg(old | new),
           array_agg((new & ~old) | CASE WHEN had THEN 0 ELSE 16777216 END)
      FROM (SELECT c, t, coalesce(bit_or(h) FILTER (WHERE side = 1), 0) AS old,
                   coalesce(bit_or(h) FILTER (WHERE side = 2), 0) AS new, bool_or(side = 1) AS had
              FROM (SELECT 1 AS side, a.* FROM unnest(c1, t1, h1) AS a(c, t, h)
                    UNION ALL
                    SELECT 2, b.* FROM unnest(c2, t2, h2) AS b(c, t, h)) AS both_sides
             GROUP BY c, t) AS merged;
$$;
