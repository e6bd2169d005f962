package dev.mcpusage.adapter.in.mcp.proxy;

import dev.mcpusage.application.port.in.TrackUsage;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxy: starts an MCP server as a child and relays its stdio with the client byte for byte, in
 * order, both directions, while recording every {@code tools/call} with its outcome and timing.
 * Returns the child's exit status.
 */
public final class StdioRecordingProxy {

  private static final Logger LOG = LoggerFactory.getLogger(StdioRecordingProxy.class);
  private static final int LONGEST_INSPECTED_LINE = 64 * 1024 * 1024;
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final TrackUsage tracker;
  private final String serverName;
  private final ToolCategories categories;

  public StdioRecordingProxy(TrackUsage tracker, String serverName, ToolCategories categories) {
    this.tracker = tracker;
    this.serverName = serverName;
    this.categories = categories;
  }

  /**
   * Runs {@code command} as the server until it exits.
   *
   * @throws IOException when the command cannot be started
   */
  public int run(List<String> command, InputStream fromClient, OutputStream toClient)
      throws IOException, InterruptedException {
    ToolCallRecorder recorder =
        new ToolCallRecorder(tracker, McpJsonDefaults.getMapper(), serverName, categories);
    Process server =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread stopServer = new Thread(() -> stop(server), "mcp-usage-proxy-stop");
    Runtime.getRuntime().addShutdownHook(stopServer);
    Thread up =
        relay(
            "client->server",
            fromClient,
            server.getOutputStream(),
            recorder::fromClient,
            () -> stopAfterGrace(server));
    Thread down =
        relay("server->client", server.getInputStream(), toClient, recorder::fromServer, () -> {});
    int status = server.waitFor();
    down.join();
    int unanswered = recorder.unanswered();
    if (unanswered > 0) {
      LOG.warn(
          "proxy: the server exited with {} tool call(s) unanswered (recorded as {})",
          unanswered,
          ToolCallRecorder.NO_RESPONSE);
    }
    up.interrupt();
    removeHook(stopServer);
    return status;
  }

  /**
   * The client closed its side: close the server's stdin and, as MCP's stdio shutdown says, send
   * SIGTERM if it has not exited after a grace period, then SIGKILL.
   */
  private static void stopAfterGrace(Process server) {
    closeQuietly(server.getOutputStream());
    try {
      if (!server.waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "proxy: the server did not exit {} s after its stdin closed; stopping it",
            SHUTDOWN_GRACE.toSeconds());
        stop(server);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(Process server) {
    if (!server.isAlive()) {
      return;
    }
    server.destroy();
    try {
      if (!server.waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        server.destroyForcibly();
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs, and finds the server gone
    }
  }

  private static Thread relay(
      String name, InputStream in, OutputStream out, Consumer<byte[]> lines, Runnable atEnd) {
    Thread thread =
        new Thread(
            () -> {
              LineSplitter splitter = new LineSplitter(lines);
              byte[] buffer = new byte[64 * 1024];
              try {
                int read;
                while ((read = in.read(buffer)) != -1) {
                  out.write(buffer, 0, read);
                  out.flush();
                  splitter.accept(buffer, read);
                }
              } catch (IOException e) {
                LOG.debug("proxy: {} ended: {}", name, e.getMessage());
              } finally {
                atEnd.run();
              }
            },
            "mcp-usage-proxy-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      LOG.debug("proxy: closing the server's stdin failed: {}", e.getMessage());
    }
  }

  /** Cuts the relayed bytes into lines for inspection; a line longer than the cap is skipped. */
  private static final class LineSplitter {
    private final Consumer<byte[]> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean tooLong;

    LineSplitter(Consumer<byte[]> lines) {
      this.lines = lines;
    }

    void accept(byte[] bytes, int length) {
      int start = 0;
      for (int i = 0; i < length; i++) {
        if (bytes[i] == '\n') {
          append(bytes, start, i - start);
          if (!tooLong) {
            lines.accept(line.toByteArray());
          }
          line.reset();
          tooLong = false;
          start = i + 1;
        }
      }
      append(bytes, start, length - start);
    }

    private void append(byte[] bytes, int offset, int length) {
      if (tooLong || length == 0) {
        return;
      }
      if (line.size() + length > LONGEST_INSPECTED_LINE) {
        tooLong = true;
        line.reset();
        return;
      }
      line.write(bytes, offset, length);
    }
  }
}
