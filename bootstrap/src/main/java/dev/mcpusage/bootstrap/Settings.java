package dev.mcpusage.bootstrap;

import dev.mcpusage.domain.access.AccessTokens;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import dev.mcpusage.domain.privacy.QueryTextMode;
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Value: the resolved configuration. Each key is looked up in flags, then the environment ({@code
 * MCP_USAGE_<KEY>} with dots as underscores), then {@code mcp-usage.properties}, then the default.
 */
public record Settings(
    Path dataDir,
    Optional<String> dbUrl,
    String dbUser,
    Optional<String> dbPassword,
    String httpHost,
    int httpPort,
    int retentionDays,
    boolean autoMigrate,
    int poolSize,
    Optional<String> readerToken,
    Optional<String> writerToken,
    boolean anonymousReads,
    List<String> corsOrigins,
    QueryTextMode queryTextMode,
    String sensitiveKeys,
    int trackerBatchSize,
    int trackerMaxBatchSize,
    int trackerLingerMs,
    int journalMaxMb,
    int maintenanceIntervalSeconds,
    boolean embeddedFsync,
    Optional<RemoteServer> sendTo,
    List<String> unknownNames) {

  /** A central mcp-usage server that recorded events are sent to, with its writer token. */
  public record RemoteServer(URI url, String writerToken) {}

  private static final String JDBC_PREFIX = "jdbc:postgresql://";

  /** Where settings are read from, highest precedence first; a bad value names its key. */
  public static Settings resolve(
      Map<String, String> flags, Map<String, String> environment, Path workingDir) {
    return resolve(flags, key -> key, environment, workingDir);
  }

  /**
   * As {@link #resolve(Map, Map, Path)}, where {@code flagName} says how the command line named a
   * key ({@code http.port} → {@code --port}), so that a bad value is named as it was given.
   */
  public static Settings resolve(
      Map<String, String> flags,
      Function<String, String> flagName,
      Map<String, String> environment,
      Path workingDir) {
    Optional<Path> fileName = propertiesFileName(flags, environment, workingDir);
    Map<String, String> file = fileName.map(Settings::properties).orElse(Map.of());
    Lookup lookup = new Lookup(flags, flagName, environment, file, fileName, new HashSet<>());
    Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
    lookup
        .get("db.url")
        .filter(url -> !url.startsWith(JDBC_PREFIX))
        .ifPresent(
            url -> {
              throw new IllegalArgumentException(
                  lookup.name("db.url")
                      + " must start with "
                      + JDBC_PREFIX
                      + " (e.g. jdbc:postgresql://localhost:5432/mcp_usage), was '"
                      + url
                      + "'");
            });
    int batchSize = lookup.integer("tracker.batch.size", 1_000, 1, 100_000);
    return new Settings(
        Path.of(lookup.get("data.dir").orElse(home.resolve(".mcp-usage").toString()))
            .toAbsolutePath(),
        lookup.get("db.url"),
        lookup.get("db.user").orElse("postgres"),
        lookup.get("db.password"),
        lookup.get("http.host").orElse("127.0.0.1"),
        lookup.integer("http.port", 8181, 0, 65_535),
        lookup.integer(
            "retention.days",
            RetentionPolicy.DEFAULT_DAYS,
            RetentionPolicy.MIN_DAYS,
            RetentionPolicy.MAX_DAYS),
        lookup.bool("auto.migrate", true),
        lookup.integer("pool.size", 8, 1, 200),
        lookup.get("reader.token"),
        lookup.get("writer.token"),
        lookup.bool("http.anonymous.reads", true),
        lookup
            .get("http.cors.origins")
            .map(origins -> List.of(origins.split("\\s*,\\s*")))
            .orElse(List.of()),
        QueryTextMode.parse(lookup.get("query.text").orElse("full")),
        validPattern(lookup, "redact.keys", PrivacyPolicy.DEFAULT_SENSITIVE_KEYS),
        batchSize,
        // at least the batch size: "tracker.batch.max must be between <batch size> and 100000"
        lookup.integer("tracker.batch.max", Math.max(10_000, batchSize), batchSize, 100_000),
        lookup.integer("tracker.linger.ms", 200, 1, 60_000),
        lookup.integer("journal.max.mb", 1_024, 1, 1_048_576),
        lookup.integer("maintenance.interval.seconds", 3_600, 1, 86_400),
        lookup.bool("embedded.fsync", true),
        remoteServer(lookup),
        // last: arguments are evaluated in order, so every key has been looked up by now
        lookup.unknownNames());
  }

  private static Optional<RemoteServer> remoteServer(Lookup lookup) {
    Optional<String> url = lookup.get("send.to");
    Optional<String> token = lookup.get("send.token");
    if (url.isEmpty()) {
      if (token.isPresent()) {
        throw new IllegalArgumentException(
            "MCP_USAGE_SEND_TOKEN is set without MCP_USAGE_SEND_TO, the server to send to");
      }
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.get().strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          lookup.name("send.to") + " must be a URL, was '" + url.get() + "'", e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          lookup.name("send.to")
              + " must be an http(s) URL such as http://analytics:8181, was '"
              + url.get()
              + "'");
    }
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "MCP_USAGE_SEND_TO needs MCP_USAGE_SEND_TOKEN: the writer token of the server at "
              + uri
              + " ('mcp-usage tokens --writer' there)");
    }
    return Optional.of(new RemoteServer(uri, token.get().strip()));
  }

  private static String validPattern(Lookup lookup, String key, String defaultPattern) {
    String pattern = lookup.get(key).orElse(defaultPattern);
    try {
      Pattern.compile(pattern);
      return pattern;
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          lookup.name(key) + " must be a regular expression: " + e.getDescription(), e);
    }
  }

  /** Both tokens when the operator configured them; one without the other is an error. */
  public Optional<AccessTokens> configuredTokens() {
    if (readerToken.isPresent() != writerToken.isPresent()) {
      throw new IllegalArgumentException(
          "set both MCP_USAGE_READER_TOKEN and MCP_USAGE_WRITER_TOKEN, or neither");
    }
    return readerToken.map(reader -> new AccessTokens(reader, writerToken.orElseThrow()));
  }

  /** True when no database URL is configured, so the embedded PostgreSQL is used. */
  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  private static Optional<Path> propertiesFileName(
      Map<String, String> flags, Map<String, String> environment, Path workingDir) {
    Optional<Path> explicit =
        Optional.ofNullable(flags.get("config"))
            .or(() -> Optional.ofNullable(environment.get("MCP_USAGE_CONFIG")))
            .map(Path::of);
    Path candidate = explicit.orElse(workingDir.resolve("mcp-usage.properties"));
    if (!Files.exists(candidate)) {
      if (explicit.isPresent()) {
        throw new IllegalArgumentException("configuration file " + candidate + " does not exist");
      }
      return Optional.empty();
    }
    return Optional.of(candidate);
  }

  private static Map<String, String> properties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }

  private record Lookup(
      Map<String, String> flags,
      Function<String, String> flagName,
      Map<String, String> environment,
      Map<String, String> file,
      Optional<Path> fileName,
      Set<String> asked) {

    /** Read by the launcher script or by {@link #resolve} itself, not looked up as keys. */
    private static final Set<String> OTHER_VARIABLES =
        Set.of("MCP_USAGE_CONFIG", "MCP_USAGE_JAVA_OPTS");

    private static final Map<String, Boolean> BOOLEANS =
        Map.of(
            "true", true, "yes", true, "on", true, "1", true, "false", false, "no", false, "off",
            false, "0", false);

    Optional<String> get(String key) {
      asked.add(key);
      return Optional.ofNullable(flags.get(key))
          .or(() -> Optional.ofNullable(environment.get(environmentName(key))))
          .or(() -> Optional.ofNullable(file.get(key)))
          .filter(value -> !value.isBlank());
    }

    /** The key as its value was given: the flag, the environment variable, or the file's key. */
    String name(String key) {
      if (flags.containsKey(key)) {
        return flagName.apply(key);
      }
      if (environment.containsKey(environmentName(key))) {
        return environmentName(key);
      }
      return fileName
          .filter(path -> file.containsKey(key))
          .map(path -> key + " in " + path)
          .orElse(key);
    }

    int integer(String key, int defaultValue, int min, int max) {
      Optional<String> raw = get(key);
      if (raw.isEmpty()) {
        return defaultValue;
      }
      try {
        int value = Integer.parseInt(raw.get().strip());
        if (value < min || value > max) {
          throw new IllegalArgumentException(
              name(key) + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            name(key) + " must be an integer, was '" + raw.get() + "'", e);
      }
    }

    boolean bool(String key, boolean defaultValue) {
      Optional<String> raw = get(key);
      if (raw.isEmpty()) {
        return defaultValue;
      }
      Boolean value = BOOLEANS.get(raw.get().strip().toLowerCase(Locale.ROOT));
      if (value == null) {
        throw new IllegalArgumentException(
            name(key) + " must be true or false (or yes/no, on/off, 1/0), was '" + raw.get() + "'");
      }
      return value;
    }

    /**
     * Names given that no setting reads — a typo such as MCP_USAGE_DB_URI — each with the setting
     * it most likely meant; a key in the map given in code is refused outright.
     */
    List<String> unknownNames() {
      Set<String> variables = new HashSet<>(OTHER_VARIABLES);
      asked.forEach(key -> variables.add(environmentName(key)));
      flags.keySet().stream()
          .filter(key -> !asked.contains(key) && !key.equals("config"))
          .findFirst()
          .ifPresent(
              key -> {
                throw new IllegalArgumentException(
                    "'" + key + "' is not a setting" + closest(key, asked));
              });
      List<String> unknown = new ArrayList<>();
      environment.keySet().stream()
          .filter(name -> name.startsWith("MCP_USAGE_") && !variables.contains(name))
          .sorted()
          .forEach(name -> unknown.add(name + closest(name, variables)));
      fileName.ifPresent(
          path ->
              file.keySet().stream()
                  .filter(key -> !asked.contains(key))
                  .sorted()
                  .forEach(key -> unknown.add(key + " in " + path + closest(key, asked))));
      return unknown;
    }

    private static String closest(String name, Set<String> known) {
      return known.stream()
          .filter(candidate -> candidate.startsWith(name) || editDistance(name, candidate) <= 2)
          .min(Comparator.comparingInt(candidate -> editDistance(name, candidate)))
          .map(candidate -> " (did you mean " + candidate + "?)")
          .orElse("");
    }

    private static int editDistance(String a, String b) {
      int[] previous = new int[b.length() + 1];
      int[] current = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        previous[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        current[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
          current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        }
        int[] swap = previous;
        previous = current;
        current = swap;
      }
      return previous[b.length()];
    }

    private static String environmentName(String key) {
      return "MCP_USAGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
  }
}
