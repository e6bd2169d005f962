#!/bin/sh
# Round trip of N synthetic events between two embedded databases through export/import files,
# with the export's heap capped to show it streams. Usage: benchmarks/run-export-import.sh [N] [HEAP]
set -eu
N=${1:-1000000}
HEAP=${2:-64m}
WORK=${WORK:-/tmp/mcp-usage-export-import}
JAR=bootstrap/target/mcp-usage.jar
PSQL=/usr/lib/postgresql/15/bin/psql
rm -rf "$WORK" && mkdir -p "$WORK"
CHECKSUM="select count(*) || ':' || md5(string_agg(id::text || timestamp::text || server_name || tool_name || tool_category || coalesce(session_id, '') || coalesce(client_type, '') || request_metadata::text || coalesce(source_id, '') || coalesce(query_text, '') || coalesce(match_count::text, '') || response_time_ms || success || coalesce(error_type, ''), ',' order by id)) from archon_mcp_usage_events"
t() { date +%s.%N; }
java -jar "$JAR" --data-dir "$WORK/a" demo --events "$N" --days 30 --seed 11
s=$(t); /usr/bin/time -f "export: max RSS %M KiB" java -Xmx"$HEAP" -jar "$JAR" --data-dir "$WORK/a" export --since 31d --out "$WORK/events.jsonl"; e=$(t)
echo "export wall: $(echo "$e - $s" | bc) s with -Xmx$HEAP; file $(du -h "$WORK/events.jsonl" | cut -f1)"
s=$(t); java -jar "$JAR" --data-dir "$WORK/b" import "$WORK/events.jsonl"; e=$(t)
echo "import wall: $(echo "$e - $s" | bc) s"
# the embedded server lives as long as the process that started it: keep a serve running while psql asks
checksum() {
  java -jar "$JAR" --data-dir "$1" serve --port 0 > "$1.serve.log" 2>&1 &
  pid=$!
  until grep -q "serving on" "$1.serve.log"; do sleep 0.5; done
  "$PSQL" -At "$(java -jar "$JAR" --data-dir "$1" db info --psql-uri)" -c "$CHECKSUM"
  kill "$pid"; wait "$pid" || true
}
A=$(checksum "$WORK/a")
B=$(checksum "$WORK/b")
echo "source $A"
echo "target $B"
[ "$A" = "$B" ] && echo "round trip: identical" || { echo "round trip: DIFFERENT"; exit 1; }
