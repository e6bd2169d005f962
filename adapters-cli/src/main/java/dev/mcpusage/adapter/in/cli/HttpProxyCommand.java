package dev.mcpusage.adapter.in.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command: {@code http-proxy --upstream URL} — record every tool call of an HTTP MCP server. */
@Command(
    name = "http-proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Record an MCP server that speaks Streamable HTTP, as a reverse proxy.",
      "Point your MCP client at the address this prints instead of the server's. Every request and response passes through unchanged (server-sent events as they arrive, headers such as Authorization and Mcp-Session-Id included); each tools/call is recorded with its tool, category, client, MCP session, duration and outcome. Runs until Ctrl+C. The proxy adds no authentication of its own: keep it on 127.0.0.1 unless the server checks its clients itself."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage http-proxy --upstream https://mcp.example.com/mcp",
      "      # then connect MCP clients to http://127.0.0.1:8282/mcp",
      "  mcp-usage http-proxy --upstream http://localhost:3000/mcp --port 3001 \\",
      "      --server-name docs --category-map tools.properties",
      "",
      "The category map, and MCP_USAGE_SEND_TO for sending the calls to a central",
      "server: as for 'mcp-usage proxy' (see 'mcp-usage proxy --help')."
    })
public final class HttpProxyCommand implements Callable<Integer> {

  @Option(
      names = "--upstream",
      required = true,
      paramLabel = "URL",
      description = "The MCP server's endpoint (http or https), e.g. https://mcp.example.com/mcp.")
  String upstream;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8282",
      description = "Port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--server-name",
      paramLabel = "NAME",
      description = "server_name of the recorded calls (default: the upstream's host name).")
  String serverName;

  @Mixin ToolCategoryOptions categories;

  @Spec CommandSpec spec;

  private final HttpMcpProxy proxy;

  public HttpProxyCommand(HttpMcpProxy proxy) {
    this.proxy = proxy;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    URI target = upstreamUrl();
    if (port < 0 || port > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535, was " + port);
    }
    HttpMcpProxy.HttpProxyRequest request =
        new HttpMcpProxy.HttpProxyRequest(
            target,
            host,
            port,
            serverName != null ? serverName : target.getHost(),
            categories.readableMap(spec),
            categories.defaultCategory);
    HttpMcpProxy.Running running;
    try {
      running = proxy.start(request);
    } catch (java.net.BindException e) {
      throw new IOException(
          "port "
              + port
              + " on "
              + host
              + " is in use by another process: choose another with"
              + " --port",
          e);
    }
    // Ctrl+C: record the calls still waiting before the process's own shutdown drains the writer
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "mcp-usage-http-proxy-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Recording the MCP server at " + target + " as '" + request.serverName() + "'");
    out.println("Point MCP clients at " + running.endpoint() + "   (Ctrl+C to stop)");
    out.flush();
    new CountDownLatch(1).await();
    return 0;
  }

  private URI upstreamUrl() {
    try {
      URI uri = new URI(upstream.strip());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, as any other unusable value
    }
    throw new ParameterException(
        spec.commandLine(),
        "--upstream must be the server's http(s) URL, e.g. https://mcp.example.com/mcp, was '"
            + upstream
            + "'");
  }
}
