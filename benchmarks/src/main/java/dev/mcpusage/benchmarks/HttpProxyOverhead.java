package dev.mcpusage.benchmarks;

import dev.mcpusage.adapter.in.mcp.proxy.HttpRecordingProxy;
import dev.mcpusage.adapter.in.mcp.proxy.ToolCategories;
import dev.mcpusage.application.inmemory.InMemoryEventJournal;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.tracker.TrackerSettings;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.JsonSchema;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * What {@code mcp-usage http-proxy} adds to a tool call: one SDK client calls an MCP server over
 * Streamable HTTP directly, another the same server through the recording proxy, in alternating
 * rounds; per-call latency percentiles of each side, and the difference of the medians. The tool
 * answers at once, so the difference is the proxy's (two more loopback hops, the relay, the
 * recording), not the tool's. Everything runs in this JVM on loopback.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.mcpusage.benchmarks.HttpProxyOverhead [rounds] [calls per round]}
 */
public final class HttpProxyOverhead {

  private HttpProxyOverhead() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .mcpEndpoint("/mcp")
            .build();
    McpSyncServer mcpServer =
        McpServer.sync(transport).serverInfo("echo", "1.0").tools(List.of(echo())).build();
    Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(transport), "/*");
    jetty.setHandler(context);
    jetty.start();
    URI upstream =
        URI.create(
            "http://127.0.0.1:"
                + ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort()
                + "/mcp");
    InMemoryUsageEvents stored = new InMemoryUsageEvents();
    UsageTracker tracker = tracker(stored);
    HttpRecordingProxy proxy =
        new HttpRecordingProxy(tracker, "echo", ToolCategories.all("bench"), upstream);
    URI proxied = proxy.start("127.0.0.1", 0);
    McpSyncClient direct = client(upstream, "direct");
    McpSyncClient throughProxy = client(proxied, "proxied");
    try {
      measure(direct, 2_000);
      measure(throughProxy, 2_000);
      long[] directNanos = new long[rounds * calls];
      long[] proxiedNanos = new long[rounds * calls];
      for (int round = 0; round < rounds; round++) {
        boolean directFirst = round % 2 == 0;
        long[] first = measure(directFirst ? direct : throughProxy, calls);
        long[] second = measure(directFirst ? throughProxy : direct, calls);
        System.arraycopy(directFirst ? first : second, 0, directNanos, round * calls, calls);
        System.arraycopy(directFirst ? second : first, 0, proxiedNanos, round * calls, calls);
      }
      Thread.sleep(1_000);
      System.out.printf(
          "HTTP proxy overhead: %d rounds of %,d calls each way, alternating%n", rounds, calls);
      System.out.println("  " + percentiles("direct ", directNanos));
      System.out.println("  " + percentiles("proxied", proxiedNanos));
      System.out.printf(
          "  proxy adds %.3f ms at the median (%.2f×); %,d calls recorded by the proxy%n",
          (new Latencies(proxiedNanos).at(0.5) - new Latencies(directNanos).at(0.5)) / 1e6,
          (double) new Latencies(proxiedNanos).at(0.5) / new Latencies(directNanos).at(0.5),
          stored.all().size());
    } finally {
      direct.closeGracefully();
      throughProxy.closeGracefully();
      proxy.stop();
      tracker.close();
      mcpServer.closeGracefully();
      jetty.stop();
    }
    // the SDK's session sweeper is not a daemon thread
    System.exit(0);
  }

  private static SyncToolSpecification echo() {
    return new SyncToolSpecification(
        Tool.builder()
            .name("echo")
            .description("answers at once")
            .inputSchema(new JsonSchema("object", Map.of(), List.of(), true, null, null))
            .build(),
        (exchange, request) ->
            CallToolResult.builder()
                .content(List.of(new TextContent("ok")))
                .isError(false)
                .build());
  }

  private static McpSyncClient client(URI endpoint, String name) {
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(
                        endpoint.getScheme() + "://" + endpoint.getAuthority())
                    .endpoint(endpoint.getPath())
                    .build())
            .clientInfo(new Implementation(name, "1.0"))
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    client.initialize();
    return client;
  }

  private static long[] measure(McpSyncClient client, int calls) {
    long[] nanos = new long[calls];
    CallToolRequest request = new CallToolRequest("echo", Map.of());
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      client.callTool(request);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static UsageTracker tracker(InMemoryUsageEvents stored) {
    return new UsageTracker(
        new InMemoryUsageEventSink(stored),
        new InMemoryEventJournal(1_000_000),
        ClockSkewPolicy.standard(),
        PrivacyPolicy.standard(),
        Clock.systemUTC(),
        TrackerSettings.standard());
  }

  private static String percentiles(String name, long[] nanos) {
    Latencies latencies = new Latencies(nanos);
    return String.format(
        "%s p50 %.3f ms, p90 %.3f ms, p99 %.3f ms",
        name, latencies.at(0.50) / 1e6, latencies.at(0.90) / 1e6, latencies.at(0.99) / 1e6);
  }
}
