package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.stats.UsageFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data dir, two processes: the one that started the embedded PostgreSQL stops, and the other
 * carries on with a server of its own instead of failing until restarted, busy or idle.
 */
class SharedEmbeddedDatabaseIT {

  private static final UsageFilter THIS_TEST =
      new UsageFilter(
          Optional.of("shared-dir"), Optional.empty(), Optional.empty(), Optional.empty());

  @TempDir Path dataDir;

  @Test
  void givenTheOwnerOfTheEmbeddedServerStops_theProcessUsingIt_startsItAgainAndKeepsWriting()
      throws Exception {
    Process owner = McpUsageProcess.start("--data-dir", dataDir.toString(), "serve", "--port", "0");
    try {
      McpUsageProcess.awaitServing(owner);
      try (McpUsage borrower = McpUsage.start(Map.of("data.dir", dataDir.toString()))) {
        TrackUsage tracker = borrower.tracker();
        tracker.track(call(1));
        await(() -> tracker.statistics().written() == 1);

        owner.destroy(); // SIGTERM: an orderly stop, which stops the server it started
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        tracker.track(call(2));
        tracker.track(call(3));
        await(() -> tracker.statistics().written() == 3);

        assertThat(tracker.statistics().spooled()).isZero();
        assertThat(borrower.queries().summary(new PeriodQuery(1, THIS_TEST)).totalCalls())
            .isEqualTo(3);
      }
    } finally {
      owner.destroyForcibly();
    }
  }

  @Test
  void givenTheOwnerStopsWhileTheServerUsingItIsIdle_theNextRequestIsAnswered() throws Exception {
    StringBuffer borrowerLog = new StringBuffer();
    McpUsage owner = McpUsage.start(Map.of("data.dir", dataDir.toString()));
    Process borrower =
        McpUsageProcess.start("--data-dir", dataDir.toString(), "serve", "--port", "0");
    try {
      collect(borrower.getErrorStream(), borrowerLog);
      String url = McpUsageProcess.awaitServing(borrower);
      assertThat(borrowerLog).contains("already running for another mcp-usage process");

      owner.close(); // stops the server it started
      // the borrower notices while no request comes
      await(() -> borrowerLog.toString().contains("has stopped it"));

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/health"))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      assertThat(health.body()).contains("\"database\":\"up\"");
    } finally {
      owner.close();
      borrower.destroy(); // SIGTERM: it stops the server it started in the owner's place
      if (!borrower.waitFor(60, TimeUnit.SECONDS)) {
        borrower.destroyForcibly();
      }
    }
  }

  private static void collect(InputStream stream, StringBuffer into) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  into.append(line).append('\n');
                }
              } catch (IOException e) {
                into.append(e).append('\n');
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  private static UsageEvent.Builder call(int i) {
    return UsageEvent.builder()
        .timestamp(Instant.now())
        .serverName("shared-dir")
        .toolName("search")
        .toolCategory("rag")
        .sessionId("s-" + i)
        .responseTimeMs(i);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
