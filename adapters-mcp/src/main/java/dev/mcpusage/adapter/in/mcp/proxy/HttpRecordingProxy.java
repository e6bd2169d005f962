package dev.mcpusage.adapter.in.mcp.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mcpusage.application.port.in.TrackUsage;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Proxy: a reverse proxy in front of an MCP server that speaks the Streamable HTTP transport. Every
 * request and response passes through (JSON and server-sent events streamed as they come), while
 * each {@code tools/call} is paired with its response and recorded — per MCP session, under the
 * session's {@code Mcp-Session-Id}, with the client named by its {@code initialize}.
 */
public final class HttpRecordingProxy {

  private static final String SESSION_HEADER = "Mcp-Session-Id";
  // most clients never DELETE their session: one idle this long is forgotten when another opens
  private static final Duration IDLE_SESSION = Duration.ofHours(1);
  // hop-by-hop, or set by the HTTP stacks on each side themselves
  private static final Set<String> NOT_RELAYED =
      Set.of(
          "connection",
          "content-length",
          "transfer-encoding",
          "keep-alive",
          "upgrade",
          "expect",
          "host",
          "te",
          "trailer",
          "proxy-connection",
          "date");

  /** {@code error_type} of a call whose request the upstream server never received. */
  static final String UPSTREAM_UNREACHABLE = "upstream_unreachable";

  private final TrackUsage tracker;
  private final String serverName;
  private final ToolCategories categories;
  private final URI upstream;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  // requests outside a session (initialize, stateless servers) share a session id, not a recorder:
  // JSON-RPC ids are unique only per client, and such a request is answered in its own exchange
  private final String sessionlessId = "proxy-" + UUID.randomUUID();
  // the clients that initialized outside a session: a call outside a session names its client
  // only while there has been one (nothing ties a stateless request to its client)
  private final Set<String> sessionlessClients = ConcurrentHashMap.newKeySet();
  private HttpServer server;
  private ExecutorService executor;

  /** {@code upstream} is the server's MCP endpoint, e.g. {@code https://mcp.example.com/mcp}. */
  public HttpRecordingProxy(
      TrackUsage tracker, String serverName, ToolCategories categories, URI upstream) {
    this.tracker = tracker;
    this.serverName = serverName;
    this.categories = categories;
    this.upstream = upstream;
  }

  /**
   * Listens on {@code host:port} (0: any free port) and returns the endpoint for MCP clients: the
   * upstream's path on this address.
   */
  public URI start(String host, int port) throws IOException {
    // small writes (a response's headers, then each event) must not wait for the client's delayed
    // ACK: without TCP_NODELAY a tenth of the calls took 40 ms more (read once, when the JDK's
    // server is first used)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "mcp-usage-http-proxy");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
    return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
  }

  /** Stops listening; calls still waiting for a response are recorded as unanswered. */
  public int stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
    int unanswered = 0;
    for (Session session : List.copyOf(sessions.values())) {
      unanswered += session.recorder.unanswered();
    }
    return unanswered;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String session = exchange.getRequestHeaders().getFirst(SESSION_HEADER);
      ToolCallRecorder recorder = session == null ? exchangeRecorder() : session(session);
      recorder.fromClient(body);
      if (session == null) {
        recorder.clientName().ifPresent(sessionlessClients::add);
      }
      HttpResponse<InputStream> response;
      try {
        response =
            client.send(upstreamRequest(exchange, body), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        recorder.failed(body, UPSTREAM_UNREACHABLE);
        byte[] message =
            ("mcp-usage proxy: cannot reach the MCP server at " + upstream + ": " + e)
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(502, message.length);
        exchange.getResponseBody().write(message);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (session == null) {
        openedSession(recorder, response);
      }
      relay(exchange, response, recorder);
      if (session == null) {
        // outside a session, a call's response comes in its own exchange or not at all
        recorder.unanswered();
      } else if ("DELETE".equals(exchange.getRequestMethod())) {
        forget(session);
      }
    }
  }

  /** A session the server opens with this response (to {@code initialize}) learns the client. */
  private void openedSession(ToolCallRecorder requester, HttpResponse<?> response) {
    response
        .headers()
        .firstValue(SESSION_HEADER)
        .ifPresent(
            opened -> {
              forgetIdleSessions();
              ToolCallRecorder session = session(opened);
              requester.clientName().ifPresent(session::clientName);
            });
  }

  /** The recorder of an MCP session, marked as used now. */
  private ToolCallRecorder session(String id) {
    Session session = sessions.computeIfAbsent(id, key -> new Session(recorder(key)));
    session.lastUsedNanos = System.nanoTime();
    return session.recorder;
  }

  private void forgetIdleSessions() {
    long now = System.nanoTime();
    sessions.forEach(
        (id, session) -> {
          if (now - session.lastUsedNanos > IDLE_SESSION.toNanos()) {
            forget(id);
          }
        });
  }

  /** A session that ended: its calls still waiting are recorded as unanswered. */
  private void forget(String id) {
    Session ended = sessions.remove(id);
    if (ended != null) {
      ended.recorder.unanswered();
    }
  }

  /** An MCP session's recorder, and when a request of the session last came. */
  private static final class Session {
    final ToolCallRecorder recorder;
    volatile long lastUsedNanos = System.nanoTime();

    Session(ToolCallRecorder recorder) {
      this.recorder = recorder;
    }
  }

  /** A recorder for one request outside a session. */
  private ToolCallRecorder exchangeRecorder() {
    ToolCallRecorder recorder = recorder(sessionlessId);
    List<String> clients = List.copyOf(sessionlessClients);
    if (clients.size() == 1) {
      recorder.clientName(clients.get(0));
    }
    return recorder;
  }

  private HttpRequest upstreamRequest(HttpExchange exchange, byte[] body) {
    URI target =
        upstream.resolve(
            exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return request.build();
  }

  /** Passes the response on; its JSON-RPC messages — one body, or one per event — are recorded. */
  private void relay(
      HttpExchange exchange, HttpResponse<InputStream> response, ToolCallRecorder recorder)
      throws IOException {
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    String type = response.headers().firstValue("Content-Type").orElse("");
    try (InputStream in = response.body()) {
      if (type.startsWith("text/event-stream")) {
        exchange.sendResponseHeaders(response.statusCode(), 0);
        relayEvents(in, exchange.getResponseBody(), recorder);
        return;
      }
      byte[] bytes = in.readAllBytes();
      if (type.contains("json")) {
        recorder.fromServer(bytes);
      }
      exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** Server-sent events, line by line as they arrive; each event's data is one message. */
  private static void relayEvents(InputStream events, OutputStream out, ToolCallRecorder recorder)
      throws IOException {
    // a read returns what has arrived; it does not wait to fill the buffer
    InputStream in = new BufferedInputStream(events);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int next;
    while ((next = in.read()) != -1) {
      line.write(next);
      if (next != '\n') {
        continue;
      }
      out.write(line.toByteArray());
      String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
      line.reset();
      if (text.isEmpty()) {
        // an event is complete: the client gets it now, in one write
        out.flush();
      }
      if (text.startsWith("data:")) {
        data.write(
            text.substring(text.startsWith("data: ") ? 6 : 5).getBytes(StandardCharsets.UTF_8));
        data.write('\n');
      } else if (text.isEmpty() && data.size() > 0) {
        recorder.fromServer(data.toByteArray());
        data.reset();
      }
    }
    if (line.size() > 0) {
      out.write(line.toByteArray());
    }
  }

  private ToolCallRecorder recorder(String sessionId) {
    return new ToolCallRecorder(
        tracker, McpJsonDefaults.getMapper(), serverName, categories, sessionId);
  }
}
