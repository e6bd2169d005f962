package dev.mcpusage.adapter.in.http;

import java.util.Objects;

/** Value: where the HTTP server listens. Port 0 picks a free port. */
public record HttpSettings(String host, int port) {

  /** The seed's port. */
  public static final int DEFAULT_PORT = 8181;

  /** Loopback only, unless the operator says otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("HTTP port must be between 0 and 65535, was " + port);
    }
  }
}
