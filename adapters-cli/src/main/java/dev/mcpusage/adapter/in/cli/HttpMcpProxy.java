package dev.mcpusage.adapter.in.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Port for {@code http-proxy}: a recording reverse proxy in front of a Streamable HTTP server. */
public interface HttpMcpProxy {

  /**
   * Starts listening and relaying.
   *
   * @throws IOException when the address cannot be bound or the map cannot be read
   */
  Running start(HttpProxyRequest request) throws IOException;

  /** A proxy that relays until closed; closing records the calls still waiting as unanswered. */
  interface Running extends AutoCloseable {

    /** Where MCP clients connect: the upstream's path on the proxy's address. */
    URI endpoint();

    @Override
    void close();
  }

  /**
   * What to relay, where to listen, and how to name the calls.
   *
   * @param upstream the MCP server's endpoint, e.g. {@code https://mcp.example.com/mcp}
   * @param host the address to listen on
   * @param port the port to listen on (0: any free one)
   * @param serverName {@code server_name} of the calls
   * @param categoryMap file of {@code tool=category} lines (globs allowed), if any
   * @param defaultCategory category of tools the map does not name
   */
  record HttpProxyRequest(
      URI upstream,
      String host,
      int port,
      String serverName,
      Optional<Path> categoryMap,
      String defaultCategory) {}
}
