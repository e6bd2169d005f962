package dev.mcpusage.adapter.in.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.function.Function;

/**
 * Connection: an SDK server and an SDK client in one process, talking MCP's stdio framing over two
 * pipes — the real protocol, without a child process.
 */
public final class InProcessMcp implements AutoCloseable {

  private final Runnable closeServer;
  private final McpSyncClient client;

  private InProcessMcp(Runnable closeServer, McpSyncClient client) {
    this.closeServer = closeServer;
    this.client = client;
  }

  /**
   * Builds the server on a stdio transport over pipes, connects a client named {@code clientName}
   * and completes the {@code initialize} handshake.
   *
   * @param serverOnTransport builds the server on the transport and returns how to close it
   */
  public static InProcessMcp connect(
      Function<StdioServerTransportProvider, Runnable> serverOnTransport, String clientName) {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    try {
      Pipe toServer = Pipe.open();
      Pipe toClient = Pipe.open();
      Runnable closeServer =
          serverOnTransport.apply(
              new StdioServerTransportProvider(
                  json,
                  Channels.newInputStream(toServer.source()),
                  Channels.newOutputStream(toClient.sink())));
      McpSyncClient client =
          McpClient.sync(
                  new StreamClientTransport(
                      Channels.newInputStream(toClient.source()),
                      Channels.newOutputStream(toServer.sink()),
                      json))
              .clientInfo(new Implementation(clientName, "1.0.0"))
              .requestTimeout(Duration.ofSeconds(30))
              .build();
      client.initialize();
      return new InProcessMcp(closeServer, client);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the pipes between MCP client and server", e);
    }
  }

  /** The connected, initialized client. */
  public McpSyncClient client() {
    return client;
  }

  @Override
  public void close() {
    client.closeGracefully();
    closeServer.run();
  }
}
