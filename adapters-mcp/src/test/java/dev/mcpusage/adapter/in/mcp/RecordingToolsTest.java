package dev.mcpusage.adapter.in.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.tracker.InMemoryTrackers;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.UsageEvent;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A real SDK client calls a real SDK server whose tools are wrapped; the tracker sees each call.
 */
class RecordingToolsTest {

  private final InMemoryUsageEvents stored = new InMemoryUsageEvents();
  private final UsageTracker tracker = InMemoryTrackers.into(stored);
  private final RecordingTools recording = new RecordingTools(tracker, "test-server");

  @AfterEach
  void close() {
    tracker.close();
  }

  @Test
  void givenCallsFromTwoClients_everyCallIsRecordedWithToolCategorySessionClientAndOutcome()
      throws Exception {
    List<SyncToolSpecification> tools =
        List.of(
            recording.sync(
                tool(
                    "search",
                    (exchange, request) -> text("3 matches", false, Map.of("matches", 3))),
                "rag",
                ToolCallDetails.fromArguments("source", "query", "matches")),
            recording.sync(
                tool("broken", (exchange, request) -> text("index offline", true, null)), "rag"),
            recording.sync(
                tool(
                    "explode",
                    (exchange, request) -> {
                      throw new IllegalStateException("boom");
                    }),
                "project"));
    try (InProcessMcp claude = connect(tools, "claude-code");
        InProcessMcp cursor = connect(tools, "cursor")) {
      CallToolResult found =
          claude
              .client()
              .callTool(
                  new CallToolRequest("search", Map.of("source", "docs", "query", "pgvector")));
      assertThat(found.isError()).isFalse();
      claude.client().callTool(new CallToolRequest("broken", Map.of()));
      try {
        claude.client().callTool(new CallToolRequest("explode", Map.of()));
      } catch (RuntimeException expected) {
        // how the SDK reports a thrown tool to the client is its business; we record it either way
      }
      cursor.client().callTool(new CallToolRequest("search", Map.of("query", "x")));

      List<UsageEvent> events = awaitStored(4);
      UsageEvent search = only(events, "search", "claude-code");
      assertThat(search.toolCategory()).isEqualTo("rag");
      assertThat(search.serverName()).isEqualTo("test-server");
      assertThat(search.success()).isTrue();
      assertThat(search.errorType()).isEmpty();
      assertThat(search.sourceId()).contains("docs");
      assertThat(search.queryText()).contains("pgvector");
      assertThat(search.matchCount()).contains(3);

      UsageEvent broken = only(events, "broken", "claude-code");
      assertThat(broken.success()).isFalse();
      assertThat(broken.errorType()).contains(RecordingTools.TOOL_ERROR);

      UsageEvent explode = only(events, "explode", "claude-code");
      assertThat(explode.toolCategory()).isEqualTo("project");
      assertThat(explode.success()).isFalse();
      assertThat(explode.errorType()).contains("IllegalStateException");

      UsageEvent fromCursor = only(events, "search", "cursor");
      assertThat(search.sessionId()).isPresent();
      assertThat(broken.sessionId()).isEqualTo(search.sessionId());
      assertThat(explode.sessionId()).isEqualTo(search.sessionId());
      assertThat(fromCursor.sessionId()).isPresent().isNotEqualTo(search.sessionId());
    }
  }

  @Test
  void givenAnAsyncTool_theCallIsRecordedAndTheResultUnchanged() throws Exception {
    AsyncToolSpecification slow =
        new AsyncToolSpecification(
            Tool.builder().name("slow").inputSchema(emptySchema()).build(),
            (exchange, request) ->
                Mono.delay(Duration.ofMillis(30)).map(tick -> text("done", false, null)));
    try (InProcessMcp client =
        InProcessMcp.connect(
            transport -> {
              var server =
                  McpServer.async(transport)
                      .serverInfo("async-test", "1.0")
                      .tools(recording.async(slow, "task"))
                      .build();
              return () -> server.closeGracefully().block();
            },
            "windsurf")) {
      CallToolResult result = client.client().callTool(new CallToolRequest("slow", Map.of()));

      assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("done");
      UsageEvent event = awaitStored(1).get(0);
      assertThat(event.toolName()).isEqualTo("slow");
      assertThat(event.clientType()).contains("windsurf");
      assertThat(event.success()).isTrue();
      assertThat(event.responseTimeMs()).isGreaterThanOrEqualTo(25);
    }
  }

  @Test
  void aWrappedTool_throwsTheSameExceptionToTheServer() {
    IllegalStateException thrown = new IllegalStateException("boom");
    SyncToolSpecification wrapped =
        recording.sync(
            tool(
                "explode",
                (exchange, request) -> {
                  throw thrown;
                }),
            "project");

    assertThatThrownBy(
            () ->
                wrapped
                    .callHandler()
                    .apply(
                        new io.modelcontextprotocol.server.McpSyncServerExchange(
                            new io.modelcontextprotocol.server.McpAsyncServerExchange(
                                "s-1", null, null, null, null)),
                        new CallToolRequest("explode", Map.of())))
        .isSameAs(thrown);
    assertThat(awaitStored(1).get(0).sessionId()).contains("s-1");
  }

  private InProcessMcp connect(List<SyncToolSpecification> tools, String clientName) {
    return InProcessMcp.connect(
        transport ->
            McpServer.sync(transport).serverInfo("test", "1.0").tools(tools).build()
                ::closeGracefully,
        clientName);
  }

  private static SyncToolSpecification tool(
      String name,
      java.util.function.BiFunction<
              io.modelcontextprotocol.server.McpSyncServerExchange, CallToolRequest, CallToolResult>
          handler) {
    return new SyncToolSpecification(
        Tool.builder().name(name).inputSchema(emptySchema()).build(), handler);
  }

  private static io.modelcontextprotocol.spec.McpSchema.JsonSchema emptySchema() {
    return new io.modelcontextprotocol.spec.McpSchema.JsonSchema(
        "object", Map.of(), List.of(), true, null, null);
  }

  private static CallToolResult text(String text, boolean isError, Object structured) {
    CallToolResult.Builder result =
        CallToolResult.builder().content(List.of(new TextContent(text))).isError(isError);
    if (structured != null) {
      result.structuredContent(structured);
    }
    return result.build();
  }

  private List<UsageEvent> awaitStored(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (stored.all().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    List<UsageEvent> events = stored.all();
    assertThat(events).hasSize(count);
    return events.stream().sorted(Comparator.comparing(UsageEvent::timestamp)).toList();
  }

  private static UsageEvent only(List<UsageEvent> events, String tool, String client) {
    return events.stream()
        .filter(e -> e.toolName().equals(tool) && e.clientType().orElse("").equals(client))
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one " + tool + " call from " + client);
            })
        .orElseThrow(() -> new AssertionError("no " + tool + " call from " + client));
  }
}
