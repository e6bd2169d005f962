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
import java.time.Duration;

/** Wiring: MCP capture — the recording proxy and the live demo, both through the tracker. */
public final class McpModule extends AbstractModule {

  @Provides
  McpProxy mcpProxy(TrackUsage tracker) {
    return request -> {
      ToolCategories categories =
          request.categoryMap().isPresent()
              ? ToolCategories.load(request.categoryMap().get(), request.defaultCategory())
              : ToolCategories.all(request.defaultCategory());
      return new StdioRecordingProxy(tracker, request.serverName(), categories)
          .run(request.command(), System.in, System.out);
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
