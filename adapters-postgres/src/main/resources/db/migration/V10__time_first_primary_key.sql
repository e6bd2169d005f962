-- The events' primary key leads with the time, and the separate time index goes. The key's columns
-- are the same (an event is still unique by id, time and server, and still idempotent on replay),
-- so it now serves every read the time index served: the export's range in ("timestamp", id)
-- order, the boundary day's DELETE, max("timestamp"). One index fewer per row: a day's COPY
-- (55,561 events, 5 x 11,000, alternating, 6 rounds each) took 469-481 ms instead of 509-612 in
-- time order and 460-640 instead of 632-862 in random order; the day's files are 14.6 MB instead
-- of 16.9 (the DESC time index filled its pages half, since rows arrive in ascending time), and a
-- DROP of it 13-16 ms instead of 15-18 (psql, right after a checkpoint, 8 rounds). Rebuilding the
-- key re-indexes every partition: 13 s at 14M events on this machine, under the table's lock.
ALTER TABLE archon_mcp_usage_events DROP CONSTRAINT archon_mcp_usage_events_pkey;
ALTER TABLE archon_mcp_usage_events
    ADD CONSTRAINT archon_mcp_usage_events_pkey PRIMARY KEY ("timestamp", id, server_name);
DROP INDEX idx_mcp_usage_events_timestamp;
