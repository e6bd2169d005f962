#!/usr/bin/env bash
# The engine benchmark: our storage engine beside the seed's design on one embedded PostgreSQL at
# N events (loaded once per data dir), written to benchmarks/results/engine-N.{json,md}.
# Usage: benchmarks/run-engine.sh [events=1000000] [runs=3] [extra EngineBenchmark options...]
# Options: --days 180 --ingest-events 100000 --ingest-batch 10000 --single-inserts 2000 --query-seconds 5 --query-warmup-seconds 30
#   --data-dir DIR --product-jar JAR --out DIR
#   --sections ingest,aggregates,freshness,queries,retention,disk (a subset re-measures only those)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
events="${1:-1000000}"
runs="${2:-3}"
shift $(( $# < 2 ? $# : 2 ))
cd "$root"
mvn -B -q -DskipTests -pl bootstrap,benchmarks -am package
java -cp benchmarks/target/benchmarks.jar dev.mcpusage.benchmarks.engine.EngineBenchmark \
  --events "$events" --runs "$runs" "$@"
