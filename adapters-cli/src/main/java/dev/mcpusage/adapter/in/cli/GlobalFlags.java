package dev.mcpusage.adapter.in.cli;

import java.util.Map;

/**
 * Value: the settings given as flags anywhere on the command line (keys such as {@code db.url},
 * {@code data.dir}, {@code http.port}), read before the command runs so the right store is wired.
 */
public record GlobalFlags(Map<String, String> settings, boolean verbose) {

  private static final Map<String, String> OPTIONS =
      Map.of(
          "data.dir", "--data-dir",
          "db.url", "--db-url",
          "db.user", "--db-user",
          "db.password", "--db-password",
          "http.host", "--host",
          "http.port", "--port");

  public GlobalFlags {
    settings = Map.copyOf(settings);
  }

  /** The option that sets {@code key} on the command line, e.g. {@code --port} for http.port. */
  public static String optionOf(String key) {
    return OPTIONS.getOrDefault(key, key);
  }
}
