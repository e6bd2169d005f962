package dev.mcpusage.adapter.out.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** Test fixture: one real, migrated embedded PostgreSQL per test JVM, emptied between tests. */
final class TestDatabase {

  private static final OffsetDateTime END_OF_TIME =
      OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  private static TestDatabase instance;

  final Path dataDir;
  final List<String> notices = new ArrayList<>();
  final PostgresConnectionPool pool;

  private TestDatabase() {
    try {
      dataDir = Files.createTempDirectory("mcp-usage-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pool =
        new PostgresConnectionPool(
            new EmbeddedPostgresServer(dataDir, notices::add, false), 4, true);
    pool.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  pool.stop();
                  deleteRecursively(dataDir);
                }));
  }

  static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized TestDatabase shared() {
    if (instance == null) {
      instance = new TestDatabase();
    }
    return instance;
  }

  /** Removes every event, day partition and rollup row. */
  TestDatabase empty() {
    emptyAll(pool);
    return this;
  }

  /**
   * Drops every day partition and deletes every other event and rollup row of {@code pool}'s
   * database.
   */
  static void emptyAll(PostgresConnectionPool pool) {
    new PostgresMaintenanceStore(pool).removeEventsBefore(END_OF_TIME.toInstant());
  }

  <T> T sql(java.util.function.Function<DSLContext, T> work) {
    return pool.withDsl(work);
  }

  DatabaseAddress address() {
    return pool.address();
  }
}
