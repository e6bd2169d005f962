package dev.mcpusage.adapter.out.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: runs Debian's psql against a database, as an operator would. */
final class Psql {

  private Psql() {}

  /** Runs {@code sql} through psql (unaligned, tuples only, stop on error); returns its output. */
  static Result run(DatabaseAddress address, String sql, String... extraArgs) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "psql", address.psqlUri(true), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"));
    command.addAll(List.of(extraArgs));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("psql did not finish: " + output);
      }
      return new Result(process.exitValue(), output.strip());
    } catch (IOException e) {
      throw new AssertionError(
          "psql must be installed (Debian package postgresql-client): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  record Result(int exitCode, String output) {
    List<String> lines() {
      return output.isEmpty() ? List.of() : List.of(output.split("\n"));
    }
  }
}
