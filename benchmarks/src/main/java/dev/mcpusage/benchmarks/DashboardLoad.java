package dev.mcpusage.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark: how long the dashboard takes to load in a real browser, from navigation until every
 * panel is drawn ({@code body[data-loaded]}), per range, against a running {@code mcp-usage serve}.
 * Drives Debian's chromedriver over its W3C HTTP API, headless, a fresh profile; each load is a new
 * navigation with the browser's cache cleared. Arguments: base URL, rounds.
 */
public final class DashboardLoad {

  private static final List<String> RANGES = List.of("1h", "24h", "7d", "30d", "180d");
  private static final ObjectMapper JSON = new ObjectMapper();
  // resolves with the page's own clock once the dashboard marks the range drawn
  private static final String AWAIT_LOADED =
      "const want = arguments[0], done = arguments[arguments.length - 1];"
          + " (function check() {"
          + "   if (document.body && document.body.dataset.loaded === want) done(performance.now());"
          + "   else setTimeout(check, 2); })();";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String driver;
  private String session;

  private DashboardLoad(int port) {
    this.driver = "http://127.0.0.1:" + port;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8181";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path profile = Files.createTempDirectory("dashboard-load");
    Process chromedriver =
        new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    DashboardLoad load = new DashboardLoad(port);
    try {
      load.open(profile);
      load.navigate(base + "/?range=24h"); // warm-up: the JIT on both sides, chart.js parsed once
      load.awaitLoaded("24h");
      Map<String, List<Double>> millis = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (String range : RANGES) {
          load.clearCache();
          load.navigate(base + "/?range=" + range);
          millis.computeIfAbsent(range, r -> new ArrayList<>()).add(load.awaitLoaded(range));
        }
      }
      System.out.printf(
          "dashboard load, navigation to every panel drawn, %d rounds (ms)%n", rounds);
      System.out.println("range   p50     max");
      millis.forEach(
          (range, values) -> {
            Latencies latencies =
                new Latencies(values.stream().mapToLong(ms -> Math.round(ms * 1e6)).toArray());
            System.out.printf(
                "%-5s %7.1f %7.1f%n", range, latencies.at(0.5) / 1e6, latencies.max() / 1e6);
          });
    } finally {
      load.close();
      chromedriver.destroy();
    }
  }

  private void open(Path profile) throws IOException, InterruptedException {
    Map<String, Object> chrome =
        Map.of(
            "binary",
            "/usr/bin/chromium",
            "args",
            List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile));
    Map<String, Object> capabilities =
        Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", chrome));
    JsonNode answer = awaitDriver(Map.of("capabilities", capabilities));
    session = answer.get("value").get("sessionId").asText();
    call("POST", "/session/" + session + "/timeouts", Map.of("script", 60_000));
  }

  /** chromedriver takes a moment to listen; new session is the first call. */
  private JsonNode awaitDriver(Map<String, Object> body) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return call("POST", "/session", body);
      } catch (IOException e) {
        if (attempt == 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private void navigate(String url) throws IOException, InterruptedException {
    call("POST", "/session/" + session + "/url", Map.of("url", url));
  }

  private void clearCache() throws IOException, InterruptedException {
    call(
        "POST",
        "/session/" + session + "/goog/cdp/execute",
        Map.of("cmd", "Network.clearBrowserCache", "params", Map.of()));
  }

  private double awaitLoaded(String range) throws IOException, InterruptedException {
    JsonNode answer =
        call(
            "POST",
            "/session/" + session + "/execute/async",
            Map.of("script", AWAIT_LOADED, "args", List.of(range)));
    return answer.get("value").asDouble();
  }

  private void close() {
    if (session != null) {
      try {
        call("DELETE", "/session/" + session, null);
      } catch (IOException | InterruptedException e) {
        System.err.println("closing the browser: " + e.getMessage());
      }
    }
  }

  private JsonNode call(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(driver + path)).timeout(Duration.ofSeconds(90));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("chromedriver " + path + ": " + response.body());
    }
    return json;
  }
}
