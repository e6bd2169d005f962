package dev.mcpusage.adapter.in.mcp.demo;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Demo: the demo server's 14 tools on stdio, not recorded — a stand-in for any MCP server, e.g.
 * behind {@code mcp-usage proxy}. Runs until its stdin ends.
 */
public final class DemoStdioServer {

  private DemoStdioServer() {}

  /** Serves on this process's stdin/stdout; logs, if any, go to stderr. */
  public static void main(String[] args) throws InterruptedException {
    serve(System.in, System.out);
    System.exit(0);
  }

  /** Serves on the given streams until {@code in} ends. */
  public static void serve(InputStream in, OutputStream out) throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    McpSyncServer server =
        McpServer.sync(
                new StdioServerTransportProvider(
                    McpJsonDefaults.getMapper(), new EndAware(in, ended), out))
            .serverInfo(DemoMcpServer.NAME, "1.0.0")
            .tools(DemoMcpServer.tools())
            .build();
    ended.await();
    server.closeGracefully();
  }

  /** Counts the latch down when the stream ends. */
  private static final class EndAware extends FilterInputStream {
    private final CountDownLatch ended;

    EndAware(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return signal(super.read());
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return signal(super.read(bytes, offset, length));
    }

    private int signal(int result) {
      if (result == -1) {
        ended.countDown();
      }
      return result;
    }
  }
}
