package dev.mcpusage.adapter.in.mcp.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.in.mcp.StreamClientTransport;
import dev.mcpusage.adapter.in.mcp.demo.DemoStdioServer;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.tracker.InMemoryTrackers;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.UsageEvent;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SDK client talks to the demo server (a real stdio MCP server in a child JVM) through the
 * proxy; tee on both sides shows every byte arrives unchanged, and each call is recorded.
 */
class StdioRecordingProxyTest {

  @TempDir Path dir;

  private final InMemoryUsageEvents stored = new InMemoryUsageEvents();
  private final UsageTracker tracker = InMemoryTrackers.into(stored);

  @AfterEach
  void close() {
    tracker.close();
  }

  @Test
  void givenARealClientAndServer_theProxyRelaysEveryByteAndRecordsEveryToolCall() throws Exception {
    Path serverIn = dir.resolve("server-in");
    Path serverOut = dir.resolve("server-out");
    List<String> command =
        List.of(
            "sh",
            "-c",
            "tee \"$1\" | \"$2\" -cp \"$3\" " + DemoStdioServer.class.getName() + " | tee \"$4\"",
            "sh",
            serverIn.toString(),
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            System.getProperty("java.class.path"),
            serverOut.toString());
    Pipe clientToProxy = Pipe.open();
    Pipe proxyToClient = Pipe.open();
    ByteArrayOutputStream clientSent = new ByteArrayOutputStream();
    ByteArrayOutputStream clientReceived = new ByteArrayOutputStream();
    StdioRecordingProxy proxy =
        new StdioRecordingProxy(
            tracker,
            "demo-behind-proxy",
            ToolCategories.load(write("categories", "rag_*=rag\nfind_tasks=task\n"), "other"));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return proxy.run(
                    command,
                    Channels.newInputStream(clientToProxy.source()),
                    Channels.newOutputStream(proxyToClient.sink()));
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    McpSyncClient client =
        McpClient.sync(
                new StreamClientTransport(
                    new Tee(Channels.newInputStream(proxyToClient.source()), clientReceived),
                    new TeeOut(Channels.newOutputStream(clientToProxy.sink()), clientSent),
                    McpJsonDefaults.getMapper()))
            .clientInfo(new Implementation("proxy-test-client", "1.0"))
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    client.initialize();
    assertThat(client.listTools().tools()).hasSize(14);
    List<Boolean> outcomes = new ArrayList<>();
    String large = "x".repeat(1_000_000);
    for (int i = 0; i < 20; i++) {
      String tool = i % 2 == 0 ? "rag_search_knowledge_base" : "find_tasks";
      Map<String, Object> arguments =
          i == 5
              ? Map.of("source", "docs", "query", large)
              : Map.of("source", "docs", "query", "q" + i);
      outcomes.add(call(client, new CallToolRequest(tool, arguments)));
    }
    outcomes.add(call(client, new CallToolRequest("no_such_tool", Map.of())));
    client.ping();
    client.closeGracefully();

    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    tracker.close();
    assertThat(clientSent.toByteArray()).isEqualTo(Files.readAllBytes(serverIn));
    assertThat(clientReceived.toByteArray()).isEqualTo(Files.readAllBytes(serverOut));
    assertThat(clientSent.size()).isGreaterThan(1_000_000);

    List<UsageEvent> events = stored.all();
    assertThat(events).hasSize(21);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.serverName()).isEqualTo("demo-behind-proxy");
              assertThat(e.clientType()).contains("proxy-test-client");
              assertThat(e.sessionId()).isPresent();
            });
    assertThat(events.stream().map(UsageEvent::sessionId).distinct()).hasSize(1);
    assertThat(events.stream().filter(e -> e.toolName().equals("rag_search_knowledge_base")))
        .hasSize(10)
        .allSatisfy(
            e -> {
              assertThat(e.toolCategory()).isEqualTo("rag");
              assertThat(e.sourceId()).contains("docs");
            });
    assertThat(events.stream().filter(e -> e.toolName().equals("find_tasks")))
        .hasSize(10)
        .allSatisfy(e -> assertThat(e.toolCategory()).isEqualTo("task"));
    UsageEvent unknown =
        events.stream().filter(e -> e.toolName().equals("no_such_tool")).findFirst().orElseThrow();
    assertThat(unknown.toolCategory()).isEqualTo("other");
    assertThat(unknown.success()).isFalse();
    assertThat(unknown.errorType()).isPresent();
    assertThat(events.stream().filter(UsageEvent::success).count())
        .isEqualTo(outcomes.stream().filter(ok -> ok).count());
  }

  @Test
  void givenAServerThatExits_theProxyExitsWithItsStatus() throws Exception {
    StdioRecordingProxy proxy =
        new StdioRecordingProxy(tracker, "gone", ToolCategories.all("other"));

    int status =
        proxy.run(
            List.of("sh", "-c", "exit 7"),
            new ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream());

    assertThat(status).isEqualTo(7);
  }

  @Test
  void givenAServerThatIgnoresTheEndOfItsInput_theProxyStopsItAfterTheGracePeriod()
      throws Exception {
    StdioRecordingProxy proxy =
        new StdioRecordingProxy(tracker, "stubborn", ToolCategories.all("other"));
    long start = System.nanoTime();

    int status =
        proxy.run(
            List.of("sh", "-c", "exec sleep 120"),
            new ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream());

    assertThat(status).isNotZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void givenARequestTheServerNeverAnswers_itIsRecordedAsUnanswered() throws Exception {
    StdioRecordingProxy proxy =
        new StdioRecordingProxy(tracker, "mute", ToolCategories.all("other"));
    byte[] request =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"hang\"}}\n"
            .getBytes();

    int status =
        proxy.run(
            List.of("sh", "-c", "head -c 1 > /dev/null"),
            new ByteArrayInputStream(request),
            new ByteArrayOutputStream());
    tracker.close();

    assertThat(status).isZero();
    assertThat(stored.all())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.toolName()).isEqualTo("hang");
              assertThat(e.errorType()).contains(ToolCallRecorder.NO_RESPONSE);
            });
  }

  private static boolean call(McpSyncClient client, CallToolRequest request) {
    try {
      CallToolResult result = client.callTool(request);
      return !Boolean.TRUE.equals(result.isError());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Copies what is read into {@code copy}. */
  private static final class Tee extends FilterInputStream {
    private final OutputStream copy;

    Tee(InputStream in, OutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        copy.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int read = super.read(bytes, offset, length);
      if (read > 0) {
        copy.write(bytes, offset, read);
      }
      return read;
    }
  }

  /** Copies what is written into {@code copy}. */
  private static final class TeeOut extends FilterOutputStream {
    private final OutputStream copy;

    TeeOut(OutputStream out, OutputStream copy) {
      super(out);
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      copy.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      copy.write(bytes, offset, length);
    }
  }
}
