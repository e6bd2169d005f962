package dev.mcpusage.adapter.in.mcp.demo;

import dev.mcpusage.adapter.in.mcp.InProcessMcp;
import dev.mcpusage.adapter.in.mcp.RecordingTools;
import dev.mcpusage.application.demo.SeedShapedTraffic;
import dev.mcpusage.application.demo.SeedShapedTraffic.DemoTool;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo: SDK clients (one per demo client type) calling the recorded demo server over the MCP
 * protocol, in sessions of a few dozen calls, so live events flow into the store.
 */
public final class DemoTraffic implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

  private final RecordingTools recording;
  private final Duration meanPause;
  private final long maxCalls;
  private final AtomicLong claimed = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean stopping;

  /**
   * @param recording records the demo server's tools
   * @param meanPause mean pause of each client between calls
   * @param maxCalls calls in all before the clients stop; 0 for no limit
   */
  public DemoTraffic(RecordingTools recording, Duration meanPause, long maxCalls) {
    this.recording = recording;
    this.meanPause = meanPause;
    this.maxCalls = maxCalls;
  }

  /** Starts one client thread per demo client type. */
  public synchronized void start() {
    for (String client : SeedShapedTraffic.CLIENTS) {
      Thread thread = new Thread(() -> run(client), "mcp-usage-demo-" + client);
      thread.setDaemon(true);
      clients.add(thread);
      thread.start();
    }
  }

  /** Calls answered so far (successfully or not). */
  public long calls() {
    return completed.get();
  }

  /** Waits until every client stopped (after {@code maxCalls}); false on timeout. */
  public boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread client : clients) {
      client.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (client.isAlive()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    stopping = true;
    clients.forEach(Thread::interrupt);
    for (Thread client : clients) {
      try {
        client.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void run(String clientName) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running()) {
      try (InProcessMcp session =
          InProcessMcp.connect(
              transport ->
                  McpServer.sync(transport)
                          .serverInfo(DemoMcpServer.NAME, "1.0.0")
                          .tools(DemoMcpServer.tools(recording))
                          .build()
                      ::closeGracefully,
              clientName)) {
        int calls = random.nextInt(10, 40);
        for (int i = 0; i < calls && running(); i++) {
          if (maxCalls > 0 && claimed.incrementAndGet() > maxCalls) {
            return;
          }
          callOne(session, random);
          pause(random);
        }
      } catch (RuntimeException e) {
        if (!stopping) {
          LOG.warn("demo client {}: {}; reconnecting", clientName, e.getMessage());
          pause(random);
        }
      }
    }
  }

  private void callOne(InProcessMcp session, ThreadLocalRandom random) {
    DemoTool tool = SeedShapedTraffic.TOOLS.get(pickTool(random));
    Map<String, Object> arguments =
        tool.category().equals("rag")
            ? Map.of(
                "source", pick(SeedShapedTraffic.SOURCES, random),
                "query", pick(SeedShapedTraffic.QUERIES, random))
            : Map.of("id", "item-" + random.nextInt(1, 500));
    try {
      session.client().callTool(new CallToolRequest(tool.name(), arguments));
    } catch (RuntimeException e) {
      // a failing demo tool reaches the client as an error; it is recorded all the same
    }
    completed.incrementAndGet();
  }

  private static int pickTool(ThreadLocalRandom random) {
    // searches dominate real traffic: half the calls go to the five rag tools
    int tools = SeedShapedTraffic.TOOLS.size();
    return random.nextBoolean() ? random.nextInt(0, 5) : random.nextInt(0, tools);
  }

  private static String pick(List<String> values, ThreadLocalRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  private boolean running() {
    return !stopping && (maxCalls == 0 || claimed.get() < maxCalls);
  }

  private void pause(ThreadLocalRandom random) {
    long millis = Math.round(-Math.log(1 - random.nextDouble()) * meanPause.toMillis());
    try {
      TimeUnit.MILLISECONDS.sleep(Math.min(millis, 10 * meanPause.toMillis()));
    } catch (InterruptedException e) {
      stopping = true;
      Thread.currentThread().interrupt();
    }
  }
}
