package dev.mcpusage.adapter.in.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Mixin: options every command accepts — where the data and the database are, and verbosity. */
public final class GlobalOptions {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "Data directory: embedded PostgreSQL data, tokens, journal (default ~/.mcp-usage; env"
              + " MCP_USAGE_DATA_DIR).")
  String dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      scope = ScopeType.INHERIT,
      description =
          "PostgreSQL to use instead of the embedded one, e.g. jdbc:postgresql://localhost:5432/mcp_usage (env MCP_USAGE_DB_URL).")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      scope = ScopeType.INHERIT,
      description = "Database user for --db-url (env MCP_USAGE_DB_USER; default postgres).")
  String dbUser;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      scope = ScopeType.INHERIT,
      description = "Database password for --db-url (env MCP_USAGE_DB_PASSWORD).")
  String dbPassword;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces and more detail on errors.")
  boolean verbose;

  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    put(settings, "data.dir", dataDir);
    put(settings, "db.url", dbUrl);
    put(settings, "db.user", dbUser);
    put(settings, "db.password", dbPassword);
    return settings;
  }

  static void put(Map<String, String> settings, String key, Object value) {
    if (value != null) {
      settings.put(key, value.toString());
    }
  }
}
