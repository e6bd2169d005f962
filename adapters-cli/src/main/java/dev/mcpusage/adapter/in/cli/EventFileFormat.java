package dev.mcpusage.adapter.in.cli;

import java.util.Locale;
import java.util.Optional;

/** Format of an export or import file. */
enum EventFileFormat {
  CSV,
  JSONL;

  /**
   * The format a file name implies: {@code .csv}, or {@code .jsonl}/{@code .ndjson}/{@code .json}.
   */
  static Optional<EventFileFormat> ofFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      return Optional.of(JSONL);
    }
    return Optional.empty();
  }
}
