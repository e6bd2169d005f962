package dev.mcpusage.adapter.out.postgres;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** Value: where the database is — JDBC URL and credentials — and how to show it safely. */
public record DatabaseAddress(String jdbcUrl, String user, Optional<String> password) {

  private static final String PREFIX = "jdbc:postgresql://";

  public DatabaseAddress {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "database URL must start with "
              + PREFIX
              + " (e.g. jdbc:postgresql://localhost:5432/mcp_usage), was "
              + redact(jdbcUrl));
    }
  }

  /** The JDBC URL with any password parameter masked, for messages and logs. */
  public String redactedUrl() {
    return redact(jdbcUrl);
  }

  /** A {@code postgresql://} URI that psql accepts as it is (password masked unless asked for). */
  public String psqlUri(boolean withPassword) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    StringBuilder result = new StringBuilder("postgresql://").append(encode(user));
    password.ifPresent(p -> result.append(':').append(withPassword ? encode(p) : "****"));
    result.append('@').append(uri.getHost());
    if (uri.getPort() > 0) {
      result.append(':').append(uri.getPort());
    }
    result.append(uri.getPath() == null || uri.getPath().isEmpty() ? "/postgres" : uri.getPath());
    return result.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1****");
  }
}
