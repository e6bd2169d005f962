package dev.mcpusage.adapter.in.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Port for {@code proxy}: runs an MCP server behind a recording stdio relay. */
public interface McpProxy {

  /**
   * Relays this process's stdin/stdout to {@code command} until it exits.
   *
   * @return the server's exit status
   * @throws java.io.IOException when the command cannot be started or the map cannot be read
   */
  int run(ProxyRequest request) throws java.io.IOException, InterruptedException;

  /**
   * What to run and how to name its calls.
   *
   * @param command the server and its arguments
   * @param serverName {@code server_name} of the calls
   * @param categoryMap file of {@code tool=category} lines (globs allowed), if any
   * @param defaultCategory category of tools the map does not name
   */
  record ProxyRequest(
      List<String> command, String serverName, Optional<Path> categoryMap, String defaultCategory) {

    public ProxyRequest {
      command = List.copyOf(command);
    }
  }
}
