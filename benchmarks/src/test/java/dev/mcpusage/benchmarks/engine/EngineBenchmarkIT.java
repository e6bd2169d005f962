package dev.mcpusage.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the engine benchmark at a tiny N: every section runs and is written out. */
class EngineBenchmarkIT {

  @TempDir Path dir;

  @Test
  void tinyRun_measuresEverySection_andWritesJsonAndMarkdown() throws Exception {
    EngineBenchmark.main(
        new String[] {
          "--events", "5000",
          "--days", "3",
          "--runs", "1",
          "--ingest-events", "2000",
          "--single-inserts", "50",
          "--query-seconds", "0.2",
          "--query-warmup-seconds", "0.5",
          "--data-dir", dir.resolve("data").toString(),
          "--out", dir.resolve("out").toString(),
          "--product-jar", Path.of("..", "bootstrap", "target", "mcp-usage.jar").toString()
        });

    String json = Files.readString(dir.resolve("out").resolve("engine-5000.json"));
    String markdown = Files.readString(dir.resolve("out").resolve("engine-5000.md"));
    assertThat(json)
        .contains(
            "\"ingest_events_per_second\"",
            "\"aggregates_after_10000_events_ms\"",
            "\"freshness_ms\"",
            "\"queries_ms\"",
            "\"retention_one_day\"",
            "\"disk_bytes_per_event\"",
            "\"postgresql\"");
    assertThat(markdown)
        .contains("| summary 4320h |", "| daily 180d |", "**Expiring one day**", "**Freshness**");
  }
}
