package dev.mcpusage.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpusage.application.demo.SeedShapedTraffic;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.inmemory.InMemoryUsageStatsReader;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium: every chart gets data points, the range picker
 * changes them and lands in the URL, and an empty store shows how to send the first event.
 */
class DashboardBrowserIT {

  // mid-hour on the servers' fixed clocks: with a running clock, a test started at the top of an
  // hour saw the current hour's bar still empty (23 of 24) or the 24h window move past the data
  private static final Instant NOW =
      Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(30));
  private static final List<String> CHARTS =
      List.of("chart-calls", "chart-errors", "chart-latency", "chart-clients", "chart-sources");

  private HttpServer server;
  private ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    server.stop();
  }

  @Test
  void givenSeededData_everyChartHasPoints_andTheRangePickerChangesThem() throws Exception {
    InMemoryUsageEvents events = new InMemoryUsageEvents();
    InMemoryUsageEventSink sink = new InMemoryUsageEventSink(events);
    SeedShapedTraffic traffic = SeedShapedTraffic.lastDays(5, NOW, 30, 30_000);
    while (traffic.hasNext()) {
      sink.append(traffic.nextBatch(5_000));
    }
    start(events, HttpSettings.loopback(0));

    browser.get(server.baseUrl() + "/?range=24h");
    awaitLoaded("24h");
    Map<String, Long> pointsOneDay = dataPoints();
    long barsOneDay = labels("chart-calls");
    browser.findElement(By.cssSelector("#ranges button[data-range='180d']")).click();
    awaitLoaded("180d");
    long barsHalfYear = labels("chart-calls");
    saveScreenshot("dashboard.png");

    assertThat(pointsOneDay)
        .allSatisfy((chart, points) -> assertThat(points).as(chart).isPositive());
    assertThat(barsOneDay).isEqualTo(24);
    assertThat(barsHalfYear).isBetween(30L, 31L);
    assertThat(browser.getCurrentUrl()).contains("range=180d");
    assertThat(browser.findElement(By.id("card-calls")).getText()).isEqualTo("30,000");
    assertThat(browser.findElements(By.cssSelector("#tools tbody tr"))).hasSize(14);
    assertThat(browser.findElement(By.cssSelector("#tools tbody tr td:nth-child(3)")).getText())
        .isEqualTo("default");
    assertThat(browser.findElement(By.id("empty")).isDisplayed()).isFalse();

    browser.findElement(By.cssSelector("#tools button[data-sort='avg_response_time_ms']")).click();
    List<Long> averages =
        browser.findElements(By.cssSelector("#tools tbody tr td:nth-child(7)")).stream()
            .map(cell -> Long.parseLong(cell.getText().replace(",", "")))
            .toList();
    assertThat(averages).hasSize(14).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(averages.get(0)).isGreaterThan(averages.get(13));
  }

  @Test
  void givenSeededData_theClientFilterNarrowsEveryPanel_andEveryToolKeepsItsLatencyLabel()
      throws Exception {
    InMemoryUsageEvents events = new InMemoryUsageEvents();
    InMemoryUsageEventSink sink = new InMemoryUsageEventSink(events);
    sink.append(SeedShapedTraffic.lastDays(11, NOW, 1, 5_000).nextBatch(5_000));
    sink.append(
        List.of(
            UsageEvent.builder()
                .timestamp(NOW.minus(Duration.ofMinutes(5)))
                .toolName("find_tasks")
                .toolCategory("task")
                .responseTimeMs(12)
                .build()));
    start(events, HttpSettings.loopback(0));

    browser.get(server.baseUrl() + "/?range=24h");
    awaitLoaded("24h");
    long allCalls = cardNumber("card-calls");
    List<String> clients = selectOptions("client_type");
    List<String> clientSlices = chartLabels("chart-clients");
    new Select(browser.findElement(By.id("client_type"))).selectByValue("cursor");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> labels("chart-clients") == 1);
    saveScreenshot("dashboard-client-filter.png");

    // the call without a client type is in the pie as 'unknown', which no filter value selects
    assertThat(clientSlices).contains("unknown (0 sessions)");
    assertThat(clients).contains("cursor", "claude-code").doesNotContain("unknown");
    assertThat(browser.getCurrentUrl()).contains("client_type=cursor");
    assertThat(cardNumber("card-calls")).isPositive().isLessThan(allCalls);
    assertThat(shownTicks("chart-latency")).isEqualTo(labels("chart-latency")).isEqualTo(14);
  }

  @Test
  void givenEmptyStore_dashboard_explainsHowToSendTheFirstEvent() {
    start(new InMemoryUsageEvents(), HttpSettings.loopback(0));

    browser.get(server.baseUrl() + "/");
    awaitLoaded("24h");

    assertThat(browser.findElement(By.id("empty")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("empty")).getText())
        .contains("INSERT INTO archon_mcp_usage_events");
    assertThat(browser.findElement(By.id("card-success")).getText()).isEqualTo("–");
    assertThat(browser.findElement(By.id("card-p95")).getText()).isEqualTo("–");
    assertThat(browser.findElement(By.id("card-latency")).getText()).isEmpty();
  }

  @Test
  void givenTokensRequired_dashboard_worksWithTheReaderTokenFromTheUrl() throws Exception {
    InMemoryUsageEvents events = new InMemoryUsageEvents();
    new InMemoryUsageEventSink(events)
        .append(SeedShapedTraffic.lastDays(9, NOW, 1, 500).nextBatch(500));
    start(events, new HttpSettings("127.0.0.1", 0, false, List.of()));

    browser.get(server.baseUrl() + "/");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> driver.findElement(By.id("auth")).isDisplayed());
    browser.get(server.baseUrl() + "/?range=24h#token=" + TestServers.READER_TOKEN);
    awaitLoaded("24h");

    assertThat(browser.findElement(By.id("card-calls")).getText()).isEqualTo("500");
    assertThat(browser.getCurrentUrl()).doesNotContain(TestServers.READER_TOKEN);
    JsonNode summary = readerGet("/api/mcp/analytics/summary?hours=24");
    assertThat(browser.findElement(By.id("card-latency")).getText())
        .isEqualTo(
            String.format(
                Locale.US,
                "avg %,d ms · p50 %d · p99 %d",
                Math.round(summary.get("avg_response_time_ms").asDouble()),
                summary.get("p50_response_time_ms").asLong(),
                summary.get("p99_response_time_ms").asLong()));
  }

  private JsonNode readerGet(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Authorization", "Bearer " + TestServers.READER_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  /** The API over {@code events} on the tests' fixed clock, and a fresh headless browser. */
  private void start(InMemoryUsageEvents events, HttpSettings settings) {
    server =
        TestServers.start(
            new InMemoryUsageStatsReader(events), settings, Clock.fixed(NOW, ZoneOffset.UTC));
    browser = headlessChromium();
  }

  private void awaitLoaded(String range) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            driver ->
                range.equals(driver.findElement(By.tagName("body")).getAttribute("data-loaded")));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> dataPoints() {
    return (Map<String, Long>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const out = {}; for (const id of arguments[0]) {"
                    + " const c = window.mcpUsageDashboard.charts[id];"
                    + " out[id] = c.data.datasets.reduce((n, d) => n + d.data.filter(v => v > 0).length, 0); }"
                    + " return out;",
                CHARTS);
  }

  private long labels(String chart) {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return window.mcpUsageDashboard.charts[arguments[0]].data.labels.length;", chart);
  }

  private long cardNumber(String id) {
    return Long.parseLong(browser.findElement(By.id(id)).getText().replace(",", ""));
  }

  @SuppressWarnings("unchecked")
  private List<String> chartLabels(String chart) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return window.mcpUsageDashboard.charts[arguments[0]].data.labels;", chart);
  }

  private List<String> selectOptions(String id) {
    return new Select(browser.findElement(By.id(id)))
        .getOptions().stream().map(option -> option.getAttribute("value")).toList();
  }

  /** The category labels Chart.js draws on a horizontal bar chart's axis (it may skip some). */
  private long shownTicks(String chart) {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return window.mcpUsageDashboard.charts[arguments[0]].scales.y.ticks.length;",
                chart);
  }

  private void saveScreenshot(String name) throws Exception {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static ChromeDriver headlessChromium() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    try {
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--disable-sync",
          "--window-size=1400,1300",
          "--user-data-dir=" + Files.createTempDirectory("mcp-usage-chromium"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new ChromeDriver(service, options);
  }
}
