#!/usr/bin/env bash
# Endpoint latency at N events: loads N seed-shaped events over 180 days into a fresh data dir
# (unless it already holds them), serves it with the product's jar, and drives every analytics
# endpoint from a second JVM with concurrent clients. Prints a Markdown table.
# Usage: benchmarks/run-endpoint-latency.sh [events=10000000] [clients=8] [seconds=20] [data dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
events="${1:-10000000}"
clients="${2:-8}"
seconds="${3:-20}"
data="${4:-$root/benchmarks/target/data-$events}"
port=8398

cd "$root"
mvn -B -q -DskipTests -pl bootstrap,benchmarks -am package
if [ ! -f "$data/loaded" ]; then
  rm -rf "$data"
  java -cp benchmarks/target/benchmarks.jar dev.mcpusage.benchmarks.LoadSyntheticEvents "$data" "$events" 180
  touch "$data/loaded"
fi
java -jar bootstrap/target/mcp-usage.jar --data-dir "$data" serve --port "$port" >"$data/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q "serving on" "$data/serve.log" && break; sleep 1; done
java -cp benchmarks/target/benchmarks.jar dev.mcpusage.benchmarks.EndpointLatency "http://127.0.0.1:$port" "$clients" "$seconds" 3
