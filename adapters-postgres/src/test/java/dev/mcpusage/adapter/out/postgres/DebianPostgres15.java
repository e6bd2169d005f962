package dev.mcpusage.adapter.out.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: a throw-away cluster of Debian's PostgreSQL 15 (package postgresql-15), the oldest
 * version the product supports — one shared per test JVM, or a dedicated one a test may stop and
 * start. As root it runs as the postgres user, since initdb refuses root.
 */
public final class DebianPostgres15 {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static DebianPostgres15 instance;

  final PostgresConnectionPool pool;
  private final Path dir;
  private final Path data;
  private final int port;
  private final String settings;

  private DebianPostgres15(String settings) throws IOException {
    this.settings = settings;
    if (!Files.isExecutable(BIN.resolve("postgres"))) {
      throw new AssertionError(
          "PostgreSQL 15 is needed for the compatibility tests: apt-get install postgresql-15");
    }
    dir = Files.createTempDirectory("mcp-usage-pg15");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    if (isRoot()) {
      run(List.of("chown", "postgres", dir.toString()));
    }
    data = dir.resolve("data");
    runAsPostgres(
        List.of(
            BIN.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync"));
    startServer();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopServer();
                  TestDatabase.deleteRecursively(dir);
                }));
    pool = new PostgresConnectionPool(new ExternalPostgresServer(address()), 4, true);
    pool.start();
  }

  /** A cluster of its own, which the caller may stop and start; removed when the JVM exits. */
  public static DebianPostgres15 dedicated() {
    return dedicated("");
  }

  /**
   * A cluster of its own started with extra server options (e.g. {@code -c
   * shared_preload_libraries=pg_cron}).
   */
  public static DebianPostgres15 dedicated(String serverOptions) {
    try {
      return new DebianPostgres15(serverOptions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the cluster listens (the same port across restarts). */
  public DatabaseAddress address() {
    return new DatabaseAddress(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", Optional.empty());
  }

  /** The pool to the migrated cluster. */
  public PostgresConnectionPool pool() {
    return pool;
  }

  /** Starts the server (again) on its port. */
  public void startServer() {
    runAsPostgres(
        List.of(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-w",
            "-l",
            dir.resolve("log").toString(),
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off " + settings,
            "start"));
  }

  /** Stops the server (fast shutdown: open connections are cut), if it runs. */
  public void stopServer() {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      runAsPostgres(
          List.of(
              BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }
  }

  static synchronized DebianPostgres15 shared() {
    if (instance == null) {
      try {
        instance = new DebianPostgres15("");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void runAsPostgres(List<String> command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
