package dev.mcpusage.adapter.in.mcp;

import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.domain.event.UsageEvent;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Instrumentation for MCP Java SDK servers: wraps tool specifications so every call is tracked with
 * its tool, category, session, client, server, duration and outcome, and behaves otherwise exactly
 * as before (same result, same exception).
 *
 * <pre>{@code
 * RecordingTools recording = new RecordingTools(tracker, "archon");
 * McpServer.sync(transport).tools(recording.sync(searchSpec, "rag")).build();
 * }</pre>
 */
public final class RecordingTools {

  /** {@code error_type} of a call whose result says {@code isError: true}. */
  public static final String TOOL_ERROR = "tool_error";

  private final TrackUsage tracker;
  private final String serverName;

  /**
   * @param tracker where the events go (never blocks the tool)
   * @param serverName the {@code server_name} of every event
   */
  public RecordingTools(TrackUsage tracker, String serverName) {
    this.tracker = tracker;
    this.serverName = serverName;
  }

  /** The tool, recorded under {@code category}. */
  public SyncToolSpecification sync(SyncToolSpecification tool, String category) {
    return sync(tool, category, ToolCallDetails.NONE);
  }

  /** The tool, recorded under {@code category} with the details {@code details} maps. */
  public SyncToolSpecification sync(
      SyncToolSpecification tool, String category, ToolCallDetails details) {
    return new SyncToolSpecification(
        tool.tool(),
        (exchange, request) -> {
          Call call = new Call(tool.tool().name(), category, details, clientOf(exchange));
          CallToolResult result;
          try {
            result = tool.callHandler().apply(exchange, request);
          } catch (RuntimeException | Error e) {
            call.failed(exchange.sessionId(), request, e);
            throw e;
          }
          call.returned(exchange.sessionId(), request, result);
          return result;
        });
  }

  /** Every tool of the list, each recorded under the category {@code categoryOf} gives its name. */
  public List<SyncToolSpecification> sync(
      List<SyncToolSpecification> tools, Function<String, String> categoryOf) {
    return tools.stream().map(tool -> sync(tool, categoryOf.apply(tool.tool().name()))).toList();
  }

  /** The asynchronous tool, recorded under {@code category}. */
  public AsyncToolSpecification async(AsyncToolSpecification tool, String category) {
    return async(tool, category, ToolCallDetails.NONE);
  }

  /** The asynchronous tool, recorded under {@code category} with the details mapped. */
  public AsyncToolSpecification async(
      AsyncToolSpecification tool, String category, ToolCallDetails details) {
    return new AsyncToolSpecification(
        tool.tool(),
        (exchange, request) ->
            Mono.defer(
                () -> {
                  Call call = new Call(tool.tool().name(), category, details, clientOf(exchange));
                  return tool.callHandler()
                      .apply(exchange, request)
                      .doOnSuccess(result -> call.returned(exchange.sessionId(), request, result))
                      .doOnError(e -> call.failed(exchange.sessionId(), request, e))
                      .doOnCancel(() -> call.cancelled(exchange.sessionId(), request));
                }));
  }

  private static Optional<String> clientOf(McpSyncServerExchange exchange) {
    return Optional.ofNullable(exchange.getClientInfo()).map(Implementation::name);
  }

  private static Optional<String> clientOf(McpAsyncServerExchange exchange) {
    return Optional.ofNullable(exchange.getClientInfo()).map(Implementation::name);
  }

  /** One call in progress: when it started, and how to record its end. */
  private final class Call {
    private final String toolName;
    private final String category;
    private final ToolCallDetails details;
    private final Optional<String> client;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();

    Call(String toolName, String category, ToolCallDetails details, Optional<String> client) {
      this.toolName = toolName;
      this.category = category;
      this.details = details;
      this.client = client;
    }

    void returned(String sessionId, CallToolRequest request, CallToolResult result) {
      boolean toolError = result != null && Boolean.TRUE.equals(result.isError());
      record(
          sessionId,
          request,
          Optional.ofNullable(result),
          !toolError,
          toolError ? Optional.of(TOOL_ERROR) : Optional.empty());
    }

    void failed(String sessionId, CallToolRequest request, Throwable error) {
      record(
          sessionId,
          request,
          Optional.empty(),
          false,
          Optional.of(error.getClass().getSimpleName()));
    }

    void cancelled(String sessionId, CallToolRequest request) {
      record(sessionId, request, Optional.empty(), false, Optional.of("cancelled"));
    }

    private void record(
        String sessionId,
        CallToolRequest request,
        Optional<CallToolResult> result,
        boolean success,
        Optional<String> errorType) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      UsageEvent.Builder event =
          UsageEvent.builder()
              .timestamp(startedAt)
              .serverName(serverName)
              .toolName(toolName)
              .toolCategory(category)
              .responseTimeMs((int) Math.min(Integer.MAX_VALUE, millis))
              .success(success);
      Optional.ofNullable(sessionId).ifPresent(event::sessionId);
      client.ifPresent(event::clientType);
      errorType.ifPresent(event::errorType);
      try {
        details.describe(request, result, event);
      } catch (RuntimeException e) {
        // the details are a bonus; a mapping bug must neither fail the tool nor lose the call
      }
      tracker.track(event);
    }
  }
}
