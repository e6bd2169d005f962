package dev.mcpusage.adapter.in.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Value: where the HTTP server listens and who may call it. Port 0 picks a free port. Reads without
 * a token are allowed only on a loopback address, and only while {@code anonymousReads}.
 */
public record HttpSettings(
    String host, int port, boolean anonymousReads, List<String> corsOrigins) {

  /** The seed's port. */
  public static final int DEFAULT_PORT = 8181;

  /** Loopback only, unless the operator says otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    corsOrigins = List.copyOf(corsOrigins);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("HTTP port must be between 0 and 65535, was " + port);
    }
  }

  /** Loopback, default port, anonymous reads, no CORS: the out-of-the-box settings. */
  public static HttpSettings loopback(int port) {
    return new HttpSettings(DEFAULT_HOST, port, true, List.of());
  }

  /** True when the host only accepts connections from this machine. */
  public boolean loopbackOnly() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True when GET requests without a token are served. */
  public boolean allowsAnonymousReads() {
    return anonymousReads && loopbackOnly();
  }
}
