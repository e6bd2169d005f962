package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.DemoLoadCommand;
import dev.mcpusage.application.port.in.LoadDemoUsage;
import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command: {@code serve} — prepare the store, optionally fill it with demo data, serve HTTP until
 * stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Start the HTTP API (default http://127.0.0.1:8181) on the embedded or configured PostgreSQL.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage serve --demo       # a day of history, then live MCP calls",
      "  mcp-usage serve --port 9000",
      "  curl 'localhost:8181/api/mcp/analytics/summary?hours=24'"
    })
public final class ServeCommand implements Callable<Integer> {

  /** Synthetic calls loaded by {@code --demo}: a busy day of the seed's server. */
  static final int DEMO_EVENTS = 20_000;

  /** Mean pause of each live demo client between calls. */
  static final Duration LIVE_DEMO_PAUSE = Duration.ofMillis(400);

  /** Days of event partitions made ahead at start. */
  static final int PARTITION_DAYS_AHEAD = 7;

  @Option(
      names = "--demo",
      description =
          "Demo mode: if the database holds no event yet, load a day of synthetic seed-shaped"
              + " calls first; then run live demo traffic (MCP clients calling the built-in demo"
              + " server) so new calls keep arriving.")
  boolean demo;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to bind (env MCP_USAGE_HTTP_HOST; default 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "Port to listen on (env MCP_USAGE_HTTP_PORT; default 8181; 0 picks a free one).")
  Integer port;

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;
  private final LoadDemoUsage loadDemoUsage;
  private final ServerRunner server;
  private final ProvideAccessTokens tokens;
  private final LiveDemo liveDemo;

  public ServeCommand(
      MaintainUsage maintainUsage,
      LoadDemoUsage loadDemoUsage,
      ServerRunner server,
      ProvideAccessTokens tokens,
      LiveDemo liveDemo) {
    this.maintainUsage = maintainUsage;
    this.loadDemoUsage = loadDemoUsage;
    this.server = server;
    this.tokens = tokens;
    this.liveDemo = liveDemo;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    maintainUsage.preparePartitions(PARTITION_DAYS_AHEAD);
    if (demo) {
      long loaded =
          loadDemoUsage.load(new DemoLoadCommand(DEMO_EVENTS, 1, System.nanoTime(), true));
      out.println(
          loaded > 0
              ? "Loaded " + loaded + " synthetic calls over the last 24 hours (demo)."
              : "The database already holds events; no demo data loaded.");
    }
    String url = server.start();
    out.println("mcp-usage is serving on " + url);
    out.println("  dashboard  " + url + "/");
    out.println(
        "  API        "
            + url
            + "/api/mcp/analytics/summary?hours=24   (all routes: "
            + url
            + "/openapi.json)");
    if (tokens.generatedNow()) {
      out.println("Generated HTTP tokens (shown once; see them again with: mcp-usage tokens)");
      out.println("  reader  " + tokens.accessTokens().readerToken());
      out.println("  writer  " + tokens.accessTokens().writerToken());
    }
    out.println("Store: " + maintainUsage.describeStore(false).connectionUrl());
    if (demo) {
      out.println("Live demo: MCP clients are calling the demo server; watch the dashboard.");
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    if (demo) {
      try (LiveDemo.Running running = liveDemo.start(0, LIVE_DEMO_PAUSE)) {
        new CountDownLatch(1).await();
      }
    } else {
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
