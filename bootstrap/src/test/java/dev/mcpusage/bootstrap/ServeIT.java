package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} on the embedded database: answers HTTP, shares its database, survives a kill. */
class ServeIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void serveDemo_answersSummary_sharesItsDatabaseWithTheCli_andKeepsDataAcrossAKill()
      throws Exception {
    Process serve =
        McpUsageProcess.startRunnableJar(
            "--data-dir", dataDir.toString(), "serve", "--demo", "--port", "0");
    String summaryJson;
    McpUsageProcess.Result whileServing;
    try {
      String url = McpUsageProcess.awaitServing(serve);
      HttpResponse<String> summary =
          get(url + "/api/mcp/analytics/summary?hours=48&server_name=default");
      HttpResponse<String> health = get(url + "/health");
      summaryJson = summary.body();

      whileServing =
          McpUsageProcess.run(
              "--data-dir",
              dataDir.toString(),
              "summary",
              "--hours",
              "48",
              "--server",
              "default",
              "--json");
      String live = awaitLiveDemoCalls(url);

      assertThat(summary.statusCode()).isEqualTo(200);
      assertThat(summaryJson).contains("\"total_calls\":20000");
      assertThat(health.body()).contains("\"status\":\"ok\"");
      assertThat(whileServing.exitCode()).as(whileServing.toString()).isZero();
      assertThat(whileServing.out()).contains("\"total_calls\" : 20000");
      assertThat(whileServing.err()).contains("Using the embedded PostgreSQL already running");
      assertThat(live).contains("\"server_name\":\"mcp-usage-demo\"");
    } finally {
      serve.destroyForcibly();
      serve.waitFor(30, TimeUnit.SECONDS);
    }

    McpUsageProcess.Result afterKill =
        McpUsageProcess.run(
            "--data-dir",
            dataDir.toString(),
            "summary",
            "--hours",
            "48",
            "--server",
            "default",
            "--json");

    assertThat(afterKill.exitCode()).as(afterKill.toString()).isZero();
    assertThat(afterKill.out()).contains("\"total_calls\" : 20000");
    assertThat(afterKill.err()).contains("left running by an mcp-usage process that was killed");
  }

  /**
   * The live demo's clients call the demo server through MCP; their calls show up within seconds.
   */
  private String awaitLiveDemoCalls(String url) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String tools = "";
    while (System.nanoTime() < deadline) {
      tools = get(url + "/api/mcp/analytics/tools?hours=1&server_name=mcp-usage-demo").body();
      if (tools.contains("\"call_count\"")) {
        return tools;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new AssertionError("no live demo calls within 60 s: " + tools);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
