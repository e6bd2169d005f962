package dev.mcpusage.benchmarks.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Options of the engine benchmark, each {@code --name value}. */
record EngineOptions(
    long events,
    int days,
    int runs,
    int ingestEvents,
    int ingestBatch,
    int singleInserts,
    double querySeconds,
    double queryWarmupSeconds,
    Path dataDir,
    Path productJar,
    Path out,
    Set<String> sections) {

  static final String ALL_SECTIONS = "ingest,aggregates,freshness,queries,retention,disk";

  boolean measures(String section) {
    return sections.contains(section);
  }

  static EngineOptions parse(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    long events = Long.parseLong(given.getOrDefault("events", "1000000"));
    return new EngineOptions(
        events,
        Integer.parseInt(given.getOrDefault("days", "180")),
        Integer.parseInt(given.getOrDefault("runs", "3")),
        Integer.parseInt(given.getOrDefault("ingest-events", "100000")),
        Integer.parseInt(given.getOrDefault("ingest-batch", String.valueOf(FreshTraffic.BATCH))),
        Integer.parseInt(given.getOrDefault("single-inserts", "2000")),
        Double.parseDouble(given.getOrDefault("query-seconds", "5")),
        Double.parseDouble(given.getOrDefault("query-warmup-seconds", "30")),
        Path.of(given.getOrDefault("data-dir", "benchmarks/target/engine-" + events)),
        Path.of(given.getOrDefault("product-jar", "bootstrap/target/mcp-usage.jar")),
        Path.of(given.getOrDefault("out", "benchmarks/results")),
        Set.of(given.getOrDefault("sections", ALL_SECTIONS).split(",")));
  }
}
