package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.application.port.out.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lifecycle: the embedded PostgreSQL whose data lives in {@code <data dir>/pgdata} across runs.
 *
 * <p>The process that starts it records its port and pid in {@code embedded-postgres.properties};
 * another mcp-usage process finding that owner alive connects to the same server instead of
 * failing; when that process stops its server, the next start runs it here. A server or lock left
 * behind by a killed process is cleaned up with a message.
 */
public final class EmbeddedPostgresServer implements DatabaseServer {

  private static final String DATABASE = "postgres";
  private static final String USER = "postgres";
  private static final long OWNER_CHECK_MS = 500;
  private static final ScheduledExecutorService OWNER_WATCH =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "mcp-usage-embedded-owner-watch");
            thread.setDaemon(true);
            return thread;
          });

  private final Path dataDir;
  private final Consumer<String> notices;
  private final boolean fsync;
  private EmbeddedPostgres postgres;
  private DatabaseAddress address;
  private int borrowedPort;
  private ScheduledFuture<?> ownerWatch;

  /**
   * @param dataDir the product's data dir; PostgreSQL's files go to its {@code pgdata} folder
   * @param notices where to say what was recovered or reused (one line each)
   */
  public EmbeddedPostgresServer(Path dataDir, Consumer<String> notices) {
    this(dataDir, notices, true);
  }

  /**
   * @param fsync false only where losing the last commits in an OS crash is fine (tests): zonky's
   *     default, which the product turns on
   */
  public EmbeddedPostgresServer(Path dataDir, Consumer<String> notices, boolean fsync) {
    this.dataDir = dataDir;
    this.notices = notices;
    this.fsync = fsync;
  }

  @Override
  public synchronized DatabaseAddress start() {
    if (address != null) {
      return address;
    }
    try {
      Files.createDirectories(dataDir);
      try (FileChannel channel =
              FileChannel.open(
                  dataDir.resolve("embedded-postgres.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        EmbeddedPostgresOwner owners = new EmbeddedPostgresOwner(dataDir);
        Optional<Integer> running = owners.liveOwnerPort().filter(EmbeddedPostgresServer::accepts);
        if (running.isPresent()) {
          borrowedPort = running.get();
          address = addressOf(running.get());
          notices.accept(
              "Using the embedded PostgreSQL already running for another mcp-usage process (port "
                  + running.get()
                  + ")");
          return address;
        }
        new StalePostmaster(pgdata(), notices).recover();
        postgres = startOwned();
        owners.record(postgres.getPort());
        address = addressOf(postgres.getPort());
        return address;
      }
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "cannot start the embedded PostgreSQL in "
              + pgdata()
              + ": "
              + e.getMessage()
              + " (set MCP_USAGE_DB_URL to use another PostgreSQL, or --data-dir for another folder)",
          e);
    }
  }

  @Override
  public synchronized void stop() {
    stopWatchingOwner();
    if (postgres == null) {
      address = null;
      return;
    }
    try {
      postgres.close();
      new EmbeddedPostgresOwner(dataDir).forget();
    } catch (IOException e) {
      throw new UncheckedIOException("stopping the embedded PostgreSQL failed", e);
    } finally {
      postgres = null;
      address = null;
    }
  }

  @Override
  public synchronized boolean lostItsOwner() {
    if (postgres != null || address == null) {
      return false; // ours, or not reached yet
    }
    try {
      if (new EmbeddedPostgresOwner(dataDir).liveOwnerPort().equals(Optional.of(borrowedPort))) {
        return false; // its owner still runs it: the failure was something else
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    address = null;
    stopWatchingOwner();
    notices.accept(
        "The mcp-usage process that ran the embedded PostgreSQL (port "
            + borrowedPort
            + ") has stopped it; the next use starts it here, or uses the one another process"
            + " started");
    return true;
  }

  @Override
  public synchronized void whenOwnerStops(Runnable lost) {
    stopWatchingOwner();
    if (postgres != null || address == null) {
      return; // ours, or not reached
    }
    int port = borrowedPort;
    ownerWatch =
        OWNER_WATCH.scheduleWithFixedDelay(
            () -> {
              if (ownerStopped(port)) {
                lost.run(); // outside this server's lock: the pool takes its own
              }
            },
            OWNER_CHECK_MS,
            OWNER_CHECK_MS,
            TimeUnit.MILLISECONDS);
  }

  private synchronized boolean ownerStopped(int port) {
    if (address == null || postgres != null || borrowedPort != port) {
      stopWatchingOwner(); // seen by a failed use already, or reached anew
      return false;
    }
    return lostItsOwner();
  }

  private void stopWatchingOwner() {
    if (ownerWatch != null) {
      ownerWatch.cancel(false);
      ownerWatch = null;
    }
  }

  /** Where PostgreSQL keeps its files. */
  public Path pgdata() {
    return dataDir.resolve("pgdata");
  }

  private EmbeddedPostgres startOwned() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(pgdata())
        .setCleanDataDirectory(false)
        // code-point order compared by memcmp: every sort and btree lookup on the text keys (tool,
        // session, client) skips the libc collation, which made a 10,000-row sort 2x slower
        .setLocaleConfig("locale-provider", "builtin")
        .setLocaleConfig("builtin-locale", "C.UTF-8")
        // zonky turns these off for tests; a product keeps every committed event
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("fsync", fsync ? "on" : "off")
        .setServerConfig("listen_addresses", "127.0.0.1")
        // the rollups and the current day's partition stay in memory; fewer checkpoints in bulk
        // loads
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("max_wal_size", "2GB")
        .setPGStartupWait(Duration.ofSeconds(60))
        // one orderly stop path: ours, which also removes the owner record once the server is down
        .setRegisterShutdownHook(false)
        .start();
  }

  private static DatabaseAddress addressOf(int port) {
    return new DatabaseAddress(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, Optional.empty());
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
