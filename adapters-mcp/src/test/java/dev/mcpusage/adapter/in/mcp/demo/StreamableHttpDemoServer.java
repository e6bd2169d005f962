package dev.mcpusage.adapter.in.mcp.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * Test fixture: the demo tools served over Streamable HTTP by the SDK's servlet transports on Jetty
 * (with sessions, or stateless), at {@code /mcp} on a free loopback port.
 */
public final class StreamableHttpDemoServer implements AutoCloseable {

  private final Runnable closeMcpServer;
  private final Server jetty;

  private StreamableHttpDemoServer(Runnable closeMcpServer, Server jetty) {
    this.closeMcpServer = closeMcpServer;
    this.jetty = jetty;
  }

  /** A server with sessions: each client gets an {@code Mcp-Session-Id}. */
  public static StreamableHttpDemoServer start() throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .mcpEndpoint("/mcp")
            .build();
    McpSyncServer mcpServer =
        McpServer.sync(transport)
            .serverInfo(DemoMcpServer.NAME, "1.0.0")
            .tools(DemoMcpServer.tools())
            .build();
    return new StreamableHttpDemoServer(mcpServer::closeGracefully, jetty(transport));
  }

  /** A stateless server: no sessions, each request answered on its own. */
  public static StreamableHttpDemoServer startStateless() throws Exception {
    HttpServletStatelessServerTransport transport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .messageEndpoint("/mcp")
            .build();
    McpStatelessSyncServer mcpServer =
        McpServer.sync(transport)
            .serverInfo(DemoMcpServer.NAME, "1.0.0")
            .tools(
                DemoMcpServer.tools().stream()
                    .map(
                        tool ->
                            new McpStatelessServerFeatures.SyncToolSpecification(
                                tool.tool(),
                                (context, request) -> tool.callHandler().apply(null, request)))
                    .toList())
            .build();
    return new StreamableHttpDemoServer(mcpServer::closeGracefully, jetty(transport));
  }

  private static Server jetty(jakarta.servlet.http.HttpServlet transport) throws Exception {
    Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(transport), "/*");
    jetty.setHandler(context);
    jetty.start();
    return jetty;
  }

  /** An SDK client over Streamable HTTP to {@code endpoint} (this server, or a proxy of it). */
  public static McpSyncClient client(URI endpoint, String clientName) {
    return McpClient.sync(
            HttpClientStreamableHttpTransport.builder(
                    endpoint.getScheme() + "://" + endpoint.getAuthority())
                .endpoint(endpoint.getPath())
                .build())
        .clientInfo(new Implementation(clientName, "1.0"))
        .requestTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** The MCP endpoint. */
  public URI endpoint() {
    int port = ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort();
    return URI.create("http://127.0.0.1:" + port + "/mcp");
  }

  @Override
  public void close() throws Exception {
    closeMcpServer.run();
    jetty.stop();
  }
}
