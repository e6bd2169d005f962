package dev.mcpusage.adapter.out.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Recovery: what a killed mcp-usage leaves in pgdata — a {@code postmaster.pid} of a dead server,
 * or a server still running with no owner — is cleared before a new start.
 */
final class StalePostmaster {

  private final Path pgdata;
  private final Consumer<String> notices;

  StalePostmaster(Path pgdata, Consumer<String> notices) {
    this.pgdata = pgdata;
    this.notices = notices;
  }

  void recover() throws IOException {
    Path pidFile = pgdata.resolve("postmaster.pid");
    Optional<Long> pid = pidIn(pidFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> postmaster = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (postmaster.isPresent()) {
      notices.accept(
          "Stopping an embedded PostgreSQL (pid "
              + pid.get()
              + ") left running by an mcp-usage process that was killed");
      stop(postmaster.get());
    }
    if (Files.deleteIfExists(pidFile)) {
      notices.accept(
          "Recovered a stale embedded PostgreSQL lock ("
              + pidFile
              + ") from a process that is gone");
    }
  }

  private static void stop(ProcessHandle postmaster) throws IOException {
    // SIGTERM is PostgreSQL's "smart" shutdown; an orphan has no clients, so it goes at once
    postmaster.destroy();
    try {
      postmaster.onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(
          "interrupted while stopping PostgreSQL (pid " + postmaster.pid() + ")", e);
    } catch (ExecutionException | TimeoutException e) {
      postmaster.destroyForcibly();
      throw new IOException(
          "the orphaned PostgreSQL (pid " + postmaster.pid() + ") did not stop", e);
    }
  }

  private static Optional<Long> pidIn(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      return Optional.of(-1L);
    }
    return Optional.of(Long.parseLong(lines.get(0).strip()));
  }
}
