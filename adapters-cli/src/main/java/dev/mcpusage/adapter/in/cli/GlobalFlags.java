package dev.mcpusage.adapter.in.cli;

import java.util.Map;

/**
 * Value: the settings given as flags anywhere on the command line (keys such as {@code db.url},
 * {@code data.dir}, {@code http.port}), read before the command runs so the right store is wired.
 */
public record GlobalFlags(Map<String, String> settings, boolean verbose) {

  public GlobalFlags {
    settings = Map.copyOf(settings);
  }
}
