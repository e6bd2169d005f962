package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpusage.adapter.in.mcp.StreamClientTransport;
import dev.mcpusage.adapter.in.mcp.demo.DemoStdioServer;
import dev.mcpusage.adapter.in.mcp.demo.StreamableHttpDemoServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp-usage proxy} as an operator runs it: the SDK's client speaks MCP over stdio to the
 * proxy process, which runs the demo server as its child. {@code tee} on both sides of the proxy
 * shows the bytes pass unchanged; {@code mcp-usage tools} then shows the recorded calls.
 */
class ProxyCommandIT {

  /** The product as shipped, whose logs go to stderr only. */
  private static final Path RUNNABLE_JAR = McpUsageProcess.RUNNABLE_JAR;

  @TempDir Path dir;

  @Test
  void givenARealClientAndAStdioServer_proxyRelaysEveryByteAndRecordsEachCall() throws Exception {
    Path data = dir.resolve("data");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path server = dir.resolve("server.sh");
    Files.writeString(
        server,
        "tee \"$DIR/server-in\" | \"$JAVA\" -cp \"$CP\" "
            + DemoStdioServer.class.getName()
            + " | tee \"$DIR/server-out\"\n");
    Path proxy = dir.resolve("proxy.sh");
    Files.writeString(
        proxy,
        "tee \"$DIR/client-out\" | \"$JAVA\" -cp \"$CP\" "
            + Main.class.getName()
            + " --data-dir \"$DIR/data\" proxy --server-name proxied-demo"
            + " --category-map \"$DIR/categories\" -- sh \"$DIR/server.sh\""
            + " | tee \"$DIR/client-in\"\n");
    categories();
    ProcessBuilder builder = new ProcessBuilder("sh", proxy.toString());
    Map<String, String> environment = builder.environment();
    environment.putAll(
        new HashMap<>(Map.of("DIR", dir.toString(), "JAVA", java, "CP", RUNNABLE_JAR.toString())));
    Process process = builder.redirectError(dir.resolve("proxy-stderr").toFile()).start();

    callThirteenTools(process, "proxy-it-client");

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("client-out")))
        .isNotEmpty()
        .isEqualTo(Files.readAllBytes(dir.resolve("server-in")));
    assertThat(Files.readAllBytes(dir.resolve("server-out")))
        .isNotEmpty()
        .isEqualTo(Files.readAllBytes(dir.resolve("client-in")));

    assertRecordedIn(data, "proxied-demo", "proxy-it-client");
  }

  @Test
  void givenSendTo_proxyRecordsEachCallOnTheCentralServer_andOpensNoDatabaseOfItsOwn()
      throws Exception {
    String writerToken = "writer-token-of-the-central-server";
    String readerToken = "reader-token-of-the-central-server";
    Process central =
        McpUsageProcess.start(
            Map.of("MCP_USAGE_READER_TOKEN", readerToken, "MCP_USAGE_WRITER_TOKEN", writerToken),
            "--data-dir",
            dir.resolve("central").toString(),
            "serve",
            "--port",
            "0");
    try {
      String url = McpUsageProcess.awaitServing(central);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Path local = dir.resolve("local");
      ProcessBuilder builder =
          new ProcessBuilder(
              java,
              "-cp",
              RUNNABLE_JAR.toString(),
              Main.class.getName(),
              "--data-dir",
              local.toString(),
              "proxy",
              "--server-name",
              "sent-demo",
              "--category-map",
              categories().toString(),
              "--",
              java,
              "-cp",
              RUNNABLE_JAR.toString(),
              DemoStdioServer.class.getName());
      builder.environment().put("MCP_USAGE_SEND_TO", url);
      builder.environment().put("MCP_USAGE_SEND_TOKEN", writerToken);
      Process process = builder.redirectError(dir.resolve("proxy-stderr").toFile()).start();

      callThirteenTools(process, "sending-client");

      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(dir.resolve("proxy-stderr"))).isZero();
      HttpResponse<String> tools =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              url + "/api/mcp/analytics/tools?hours=1&server_name=sent-demo"))
                      .header("Authorization", "Bearer " + readerToken)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
      assertThirteenCallsRecorded(new ObjectMapper().readTree(tools.body()).get("data"));
      assertThat(tools.body()).doesNotContain("proxied-demo");
      assertThat(local.resolve("pgdata")).doesNotExist();
    } finally {
      central.destroy();
      central.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void givenAStreamableHttpServer_httpProxyRelaysEachCallAndRecordsIt() throws Exception {
    StreamableHttpDemoServer upstream = StreamableHttpDemoServer.start();
    Path data = dir.resolve("data");
    Process proxy = null;
    try {
      proxy =
          McpUsageProcess.start(
              "--data-dir",
              data.toString(),
              "http-proxy",
              "--upstream",
              upstream.endpoint().toString(),
              "--port",
              "0",
              "--server-name",
              "http-demo",
              "--category-map",
              categories().toString());
      URI endpoint = URI.create(awaitLine(proxy, "Point MCP clients at (http://\\S+)"));
      McpSyncClient client = StreamableHttpDemoServer.client(endpoint, "http-it-client");
      client.initialize();
      callTools(client);
      client.closeGracefully();
      // Ctrl+C: the writer drains what was recorded before the process ends
      proxy.destroy();
      assertThat(proxy.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      if (proxy != null) {
        proxy.destroyForcibly();
      }
      upstream.close();
    }

    assertRecordedIn(data, "http-demo", "http-it-client");
  }

  /** What {@code mcp-usage tools} and {@code clients} show of {@link #callTools}' calls. */
  private static void assertRecordedIn(Path data, String server, String client) throws Exception {
    McpUsageProcess.Result tools =
        McpUsageProcess.run(
            "--data-dir", data.toString(), "tools", "--hours", "1", "--server", server, "--json");
    assertThat(tools.exitCode()).as(tools.toString()).isZero();
    assertThirteenCallsRecorded(new ObjectMapper().readTree(tools.out()));
    McpUsageProcess.Result clients =
        McpUsageProcess.run(
            "--data-dir", data.toString(), "clients", "--hours", "1", "--server", server);
    assertThat(clients.out()).contains(client);
  }

  /** Reads the process's stdout until a line matches; returns the pattern's first group. */
  private static String awaitLine(Process process, String pattern) throws java.io.IOException {
    java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(pattern);
    var reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      java.util.regex.Matcher matcher = wanted.matcher(line);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("no line matched " + pattern + " in:\n" + seen);
  }

  private Path categories() throws java.io.IOException {
    return Files.writeString(dir.resolve("categories"), "rag_*=rag\nfind_*=lookup\n");
  }

  /** The SDK's client through the stdio proxy: {@link #callTools}. */
  private static void callThirteenTools(Process proxy, String clientName) {
    McpSyncClient client =
        McpClient.sync(
                new StreamClientTransport(
                    proxy.getInputStream(), proxy.getOutputStream(), McpJsonDefaults.getMapper()))
            .clientInfo(new Implementation(clientName, "1.0"))
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60))
            .build();
    client.initialize();
    callTools(client);
    client.closeGracefully();
  }

  /**
   * 4 calls of find_tasks, 8 of rag_search_knowledge_base (the demo server fails some) and one of a
   * tool the server does not have.
   */
  private static void callTools(McpSyncClient client) {
    for (int i = 0; i < 12; i++) {
      String tool = i % 3 == 0 ? "find_tasks" : "rag_search_knowledge_base";
      try {
        client.callTool(new CallToolRequest(tool, Map.of("source", "docs", "query", "q" + i)));
      } catch (RuntimeException e) {
        // the demo server fails now and then; such a call is recorded as failed
      }
    }
    try {
      client.callTool(new CallToolRequest("no_such_tool", Map.of()));
    } catch (RuntimeException expected) {
      // an unknown tool is a JSON-RPC error for the client, a failed call for the record
    }
  }

  /** The tools report (CLI or HTTP: the same fields) after {@link #callTools}. */
  private static void assertThirteenCallsRecorded(JsonNode tools) {
    Map<String, JsonNode> byTool = new HashMap<>();
    tools.forEach(t -> byTool.put(t.get("tool_name").asText(), t));
    assertThat(byTool).containsOnlyKeys("find_tasks", "rag_search_knowledge_base", "no_such_tool");
    assertThat(byTool.get("find_tasks").get("call_count").asInt()).isEqualTo(4);
    assertThat(byTool.get("find_tasks").get("tool_category").asText()).isEqualTo("lookup");
    assertThat(byTool.get("rag_search_knowledge_base").get("call_count").asInt()).isEqualTo(8);
    assertThat(byTool.get("rag_search_knowledge_base").get("tool_category").asText())
        .isEqualTo("rag");
    assertThat(byTool.get("no_such_tool").get("error_count").asInt()).isEqualTo(1);
    assertThat(byTool.get("no_such_tool").get("tool_category").asText()).isEqualTo("uncategorized");
  }
}
