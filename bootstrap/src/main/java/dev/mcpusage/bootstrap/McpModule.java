package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.mcpusage.adapter.in.cli.LiveDemo;
import dev.mcpusage.adapter.in.cli.McpProxy;
import dev.mcpusage.adapter.in.mcp.RecordingTools;
import dev.mcpusage.adapter.in.mcp.demo.DemoMcpServer;
import dev.mcpusage.adapter.in.mcp.demo.DemoTraffic;
import dev.mcpusage.adapter.in.mcp.proxy.StdioRecordingProxy;
import dev.mcpusage.adapter.in.mcp.proxy.ToolCategories;
import dev.mcpusage.application.port.in.TrackUsage;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** Wiring: MCP capture — the recording proxy and the live demo, both through the tracker. */
public final class McpModule extends AbstractModule {

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
    return request -> {
      ToolCategories categories =
          request.categoryMap().isPresent()
              ? ToolCategories.load(request.categoryMap().get(), request.defaultCategory())
              : ToolCategories.all(request.defaultCategory());
      return new StdioRecordingProxy(tracker, request.serverName(), categories)
          .run(request.command(), stdin, stdout);
    };
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
