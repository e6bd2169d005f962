package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.stats.UsageFilter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data dir, two processes: the one that started the embedded PostgreSQL stops, and the other
 * carries on with a server of its own instead of failing until restarted.
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
