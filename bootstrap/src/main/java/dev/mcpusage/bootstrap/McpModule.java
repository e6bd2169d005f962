package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.mcpusage.adapter.in.cli.HttpMcpProxy;
import dev.mcpusage.adapter.in.cli.LiveDemo;
import dev.mcpusage.adapter.in.cli.McpProxy;
import dev.mcpusage.adapter.in.mcp.RecordingTools;
import dev.mcpusage.adapter.in.mcp.demo.DemoMcpServer;
import dev.mcpusage.adapter.in.mcp.demo.DemoTraffic;
import dev.mcpusage.adapter.in.mcp.proxy.HttpRecordingProxy;
import dev.mcpusage.adapter.in.mcp.proxy.StdioRecordingProxy;
import dev.mcpusage.adapter.in.mcp.proxy.ToolCategories;
import dev.mcpusage.application.port.in.TrackUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring: MCP capture — the recording proxies (stdio, HTTP) and the live demo, through the tracker.
 */
public final class McpModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger(McpModule.class);

  private final InputStream stdin;
  private final OutputStream stdout;

  /**
   * @param stdin the process's standard input, which the proxy relays to the server
   * @param stdout the process's standard output, where the proxy relays the server's messages
   */
  public McpModule(InputStream stdin, OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  @Provides
  McpProxy mcpProxy(TrackUsage tracker) {
    return request ->
        new StdioRecordingProxy(
                tracker,
                request.serverName(),
                categories(request.categoryMap(), request.defaultCategory()))
            .run(request.command(), stdin, stdout);
  }

  @Provides
  HttpMcpProxy httpMcpProxy(TrackUsage tracker) {
    return request -> {
      HttpRecordingProxy proxy =
          new HttpRecordingProxy(
              tracker,
              request.serverName(),
              categories(request.categoryMap(), request.defaultCategory()),
              request.upstream());
      URI endpoint = proxy.start(request.host(), request.port());
      return new HttpMcpProxy.Running() {
        @Override
        public URI endpoint() {
          return endpoint;
        }

        @Override
        public void close() {
          int unanswered = proxy.stop();
          if (unanswered > 0) {
            LOG.warn("http-proxy: stopped with {} tool call(s) unanswered", unanswered);
          }
        }
      };
    };
  }

  private static ToolCategories categories(Optional<Path> map, String defaultCategory)
      throws IOException {
    return map.isPresent()
        ? ToolCategories.load(map.get(), defaultCategory)
        : ToolCategories.all(defaultCategory);
  }

  @Provides
  LiveDemo liveDemo(TrackUsage tracker) {
    return (maxCalls, meanPause) -> {
      DemoTraffic traffic =
          new DemoTraffic(new RecordingTools(tracker, DemoMcpServer.NAME), meanPause, maxCalls);
      traffic.start();
      return new LiveDemo.Running() {
        @Override
        public long calls() {
          return traffic.calls();
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
          return traffic.await(timeout);
        }

        @Override
        public void close() {
          traffic.close();
        }
      };
    };
  }
}
