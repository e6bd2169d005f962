package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one database with a one-second maintenance schedule: only one runs
 * it while both live; when it stops, the other takes over.
 */
class SchedulerIT {

  private static final Map<String, String> EVERY_SECOND =
      Map.of("MCP_USAGE_MAINTENANCE_INTERVAL_SECONDS", "1");
  private static final Pattern RAN = Pattern.compile("scheduled maintenance ran");

  @TempDir static Path dir;
  private static PostgresConnectionPool database;

  @BeforeAll
  static void start() {
    database = TestDatabase.start(dir, true);
  }

  @AfterAll
  static void stop() {
    database.stop();
  }

  @Test
  void givenTwoServeProcesses_oneRunsTheSchedule_andTheOtherTakesOverWhenItStops()
      throws Exception {
    String url = database.address().jdbcUrl();
    Process first = McpUsageProcess.start(EVERY_SECOND, "--db-url", url, "serve", "--port", "0");
    McpUsageProcess.awaitServing(first);
    Log firstLog = Log.of(first.getErrorStream());
    Process second = McpUsageProcess.start(EVERY_SECOND, "--db-url", url, "serve", "--port", "0");
    McpUsageProcess.awaitServing(second);
    Log secondLog = Log.of(second.getErrorStream());
    try {
      TimeUnit.SECONDS.sleep(5);
      String secondWhileFirstRuns = secondLog.text();
      int firstRuns = firstLog.count(RAN);

      first.destroy();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      TimeUnit.SECONDS.sleep(5);

      assertThat(firstLog.text()).contains("this process runs it");
      assertThat(firstRuns).isGreaterThanOrEqualTo(3);
      assertThat(secondWhileFirstRuns).contains("standing by").doesNotContain("maintenance ran");
      assertThat(secondLog.text()).contains("this process runs it");
      assertThat(secondLog.count(RAN)).isGreaterThanOrEqualTo(2);
    } finally {
      first.destroyForcibly();
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A process's stderr, collected as it comes. */
  private static final class Log {
    private final StringBuffer text = new StringBuffer();

    static Log of(InputStream stream) {
      Log log = new Log();
      Thread reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[4096];
                int read;
                try {
                  while ((read = stream.read(buffer)) != -1) {
                    log.text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                  }
                } catch (IOException e) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
      return log;
    }

    String text() {
      return text.toString();
    }

    int count(Pattern pattern) {
      return (int) pattern.matcher(text()).results().count();
    }
  }
}
