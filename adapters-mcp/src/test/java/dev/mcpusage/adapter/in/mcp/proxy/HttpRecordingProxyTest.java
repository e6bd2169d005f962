package dev.mcpusage.adapter.in.mcp.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.in.mcp.RecordingTools;
import dev.mcpusage.adapter.in.mcp.demo.StreamableHttpDemoServer;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.tracker.InMemoryTrackers;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.UsageEvent;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real SDK clients talk Streamable HTTP to the demo tools, served by the SDK's servlet transport on
 * Jetty, through the proxy: every answer arrives as the server sent it, and each call is recorded
 * under its client's name and MCP session.
 */
class HttpRecordingProxyTest {

  private final InMemoryUsageEvents stored = new InMemoryUsageEvents();
  private final UsageTracker tracker = InMemoryTrackers.into(stored);
  private final List<McpSyncClient> clients = new ArrayList<>();
  private StreamableHttpDemoServer server;
  private HttpRecordingProxy proxy;
  private URI endpoint;

  /** The proxy in front of {@code upstream}. */
  private void start(StreamableHttpDemoServer upstream) throws Exception {
    server = upstream;
    proxy =
        new HttpRecordingProxy(
            tracker, "http-demo", ToolCategories.all("other"), server.endpoint());
    endpoint = proxy.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(McpSyncClient::closeGracefully);
    if (proxy != null) {
      proxy.stop();
      server.close();
    }
    tracker.close();
  }

  @Test
  void givenTwoClientsThroughTheProxy_everyCallIsAnswered_andRecordedUnderItsSession()
      throws Exception {
    start(StreamableHttpDemoServer.start());
    McpSyncClient cursor = client("cursor");
    McpSyncClient claude = client("claude-code");
    List<CallToolResult> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      call(cursor, "find_tasks", answers);
      call(claude, "rag_search_knowledge_base", answers);
    }
    call(cursor, "no_such_tool", answers);
    awaitStored(13);

    List<UsageEvent> events = stored.all();
    Map<String, Set<String>> sessionsByClient =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.clientType().orElse("?"),
                    Collectors.mapping(e -> e.sessionId().orElse("?"), Collectors.toSet())));
    assertThat(endpoint.getPath()).isEqualTo("/mcp");
    // a call the demo server fails (3 %) comes back as an error result or as a JSON-RPC error
    long errorResults =
        answers.stream().filter(a -> a != null && Boolean.TRUE.equals(a.isError())).count();
    long jsonRpcErrors = answers.stream().filter(a -> a == null).count();
    assertThat(answers).hasSize(13).last().isNull();
    assertThat(events)
        .hasSize(13)
        .allSatisfy(e -> assertThat(e.serverName()).isEqualTo("http-demo"));
    assertThat(sessionsByClient).containsOnlyKeys("cursor", "claude-code");
    assertThat(sessionsByClient.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    assertThat(sessionsByClient.get("cursor"))
        .doesNotContainAnyElementsOf(sessionsByClient.get("claude-code"));
    assertThat(events.stream().filter(e -> e.toolName().equals("find_tasks")))
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.clientType()).contains("cursor"));
    assertThat(events.stream().filter(e -> e.toolName().equals("no_such_tool")))
        .singleElement()
        .satisfies(e -> assertThat(e.errorType().orElseThrow()).startsWith("jsonrpc_error_"));
    assertThat(events.stream().filter(e -> e.errorType().orElse("").startsWith("jsonrpc_error_")))
        .hasSize((int) jsonRpcErrors);
    assertThat(
            events.stream().filter(e -> RecordingTools.TOOL_ERROR.equals(e.errorType().orElse(""))))
        .hasSize((int) errorResults);
    assertThat(events.stream().filter(UsageEvent::success))
        .hasSize(13 - (int) (errorResults + jsonRpcErrors));
  }

  @Test
  void givenAStatelessServer_eachCallIsPairedWithTheAnswerOfItsOwnRequest() throws Exception {
    start(StreamableHttpDemoServer.startStateless());
    McpSyncClient cursor = client("cursor");
    List<CallToolResult> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      call(cursor, i % 2 == 0 ? "find_tasks" : "manage_task", answers);
    }
    awaitStored(8);

    List<UsageEvent> events = stored.all();
    assertThat(answers).hasSize(8);
    assertThat(events).hasSize(8);
    assertThat(events.stream().filter(e -> e.toolName().equals("find_tasks"))).hasSize(4);
    // no session to tell clients apart: the one client that initialized, one session id in all
    assertThat(events).allSatisfy(e -> assertThat(e.clientType()).contains("cursor"));
    assertThat(events.stream().map(e -> e.sessionId().orElseThrow()).distinct()).hasSize(1);
    assertThat(events.stream().filter(UsageEvent::success))
        .hasSize(
            (int)
                answers.stream()
                    .filter(a -> a != null && !Boolean.TRUE.equals(a.isError()))
                    .count());
  }

  private McpSyncClient client(String name) {
    McpSyncClient client = StreamableHttpDemoServer.client(endpoint, name);
    clients.add(client);
    client.initialize();
    return client;
  }

  /** Calls the tool; adds its result, or null when the call failed with a JSON-RPC error. */
  private static void call(McpSyncClient client, String tool, List<CallToolResult> answers) {
    try {
      answers.add(
          client.callTool(new CallToolRequest(tool, Map.of("source", "docs", "query", "q"))));
    } catch (RuntimeException e) {
      answers.add(null);
    }
  }

  private void awaitStored(int events) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (stored.all().size() < events && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
