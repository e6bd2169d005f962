package dev.mcpusage.adapter.in.mcp.proxy;

import dev.mcpusage.adapter.in.mcp.RecordingTools;
import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.domain.event.UsageEvent;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Observer: reads the JSON-RPC lines passing through the proxy, pairs each {@code tools/call}
 * request with its response, and tracks one event per call.
 */
final class ToolCallRecorder {

  /** {@code error_type} of a call the server never answered before it exited. */
  static final String NO_RESPONSE = "no_response";

  private final TrackUsage tracker;
  private final McpJsonMapper json;
  private final String serverName;
  private final ToolCategories categories;
  private final String sessionId;
  private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
  private volatile String clientName;

  /** A recorder for one stdio connection: its calls get a session id of their own. */
  ToolCallRecorder(
      TrackUsage tracker, McpJsonMapper json, String serverName, ToolCategories categories) {
    this(tracker, json, serverName, categories, "proxy-" + UUID.randomUUID());
  }

  /** A recorder for one MCP session, whose calls are recorded with {@code sessionId}. */
  ToolCallRecorder(
      TrackUsage tracker,
      McpJsonMapper json,
      String serverName,
      ToolCategories categories,
      String sessionId) {
    this.sessionId = sessionId;
    this.tracker = tracker;
    this.json = json;
    this.serverName = serverName;
    this.categories = categories;
  }

  /** The client's name, once its {@code initialize} passed through. */
  Optional<String> clientName() {
    return Optional.ofNullable(clientName);
  }

  /** The client's name, learnt by the recorder that saw its {@code initialize}. */
  void clientName(String name) {
    clientName = name;
  }

  /** A line the client sent to the server. */
  void fromClient(byte[] line) {
    for (Map<?, ?> message : messages(line)) {
      Object method = message.get("method");
      Map<?, ?> params = asMap(message.get("params"));
      if ("initialize".equals(method)) {
        Object name = asMap(params.get("clientInfo")).get("name");
        clientName = name == null ? null : String.valueOf(name);
      } else if ("tools/call".equals(method) && message.get("id") != null) {
        Object tool = params.get("name");
        pending.put(
            key(message.get("id")),
            new PendingCall(
                tool == null ? "" : String.valueOf(tool),
                asMap(params.get("arguments")),
                Instant.now(),
                System.nanoTime()));
      }
    }
  }

  /** A line the server sent to the client. */
  void fromServer(byte[] line) {
    for (Map<?, ?> message : messages(line)) {
      if (message.get("method") != null || message.get("id") == null) {
        continue;
      }
      PendingCall call = pending.remove(key(message.get("id")));
      if (call == null) {
        continue;
      }
      Map<?, ?> error = asMap(message.get("error"));
      if (!error.isEmpty()) {
        record(call, Optional.of("jsonrpc_error_" + error.get("code")));
      } else if (Boolean.TRUE.equals(asMap(message.get("result")).get("isError"))) {
        record(call, Optional.of(RecordingTools.TOOL_ERROR));
      } else {
        record(call, Optional.empty());
      }
    }
  }

  /**
   * The calls of a message from the client that never reached the server: each is recorded as
   * failed with {@code errorType}.
   */
  void failed(byte[] fromClient, String errorType) {
    for (Map<?, ?> message : messages(fromClient)) {
      if ("tools/call".equals(message.get("method")) && message.get("id") != null) {
        PendingCall call = pending.remove(key(message.get("id")));
        if (call != null) {
          record(call, Optional.of(errorType));
        }
      }
    }
  }

  /** Records every call still waiting as unanswered; returns how many there were. */
  int unanswered() {
    int count = 0;
    for (String id : List.copyOf(pending.keySet())) {
      PendingCall call = pending.remove(id);
      if (call != null) {
        record(call, Optional.of(NO_RESPONSE));
        count++;
      }
    }
    return count;
  }

  private void record(PendingCall call, Optional<String> errorType) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - call.startNanos());
    UsageEvent.Builder event =
        UsageEvent.builder()
            .timestamp(call.startedAt())
            .serverName(serverName)
            .toolName(call.tool().isBlank() ? "(missing name)" : call.tool())
            .toolCategory(categories.of(call.tool()))
            .sessionId(sessionId)
            .responseTimeMs((int) Math.min(Integer.MAX_VALUE, millis))
            .success(errorType.isEmpty());
    Optional.ofNullable(clientName).ifPresent(event::clientType);
    errorType.ifPresent(event::errorType);
    text(call.arguments(), "source_id", "source").ifPresent(event::sourceId);
    text(call.arguments(), "query", "query_text").ifPresent(event::queryText);
    tracker.track(event);
  }

  private static Optional<String> text(Map<?, ?> arguments, String... names) {
    for (String name : names) {
      Object value = arguments.get(name);
      if (value instanceof String text && !text.isBlank()) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  private List<Map<?, ?>> messages(byte[] line) {
    Object parsed;
    try {
      parsed = json.readValue(line, Object.class);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    if (parsed instanceof Map<?, ?> one) {
      return List.of(one);
    }
    if (parsed instanceof List<?> batch) {
      return batch.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
    }
    return List.of();
  }

  private static Map<?, ?> asMap(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  private static String key(Object id) {
    return (id instanceof String ? "s:" : "n:") + id;
  }

  private record PendingCall(
      String tool, Map<?, ?> arguments, Instant startedAt, long startNanos) {}
}
