package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_SESSIONS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_SESSIONS;

import dev.mcpusage.adapter.out.postgres.jooq.Routines;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** Test fixture: one real, migrated embedded PostgreSQL per test JVM, emptied between tests. */
final class TestDatabase {

  private static final OffsetDateTime END_OF_TIME = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
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
    pool = new PostgresConnectionPool(new EmbeddedPostgresServer(dataDir, notices::add), 4, true);
    pool.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
    pool.withDsl(dsl -> Routines.mcpUsageRemoveEventsBefore(dsl.configuration(), END_OF_TIME).getDeletedCount()
        + dsl.truncate(ARCHON_MCP_USAGE_EVENTS).execute()
        + dsl.truncate(MCP_USAGE_HOURLY_ROLLUP).execute()
        + dsl.truncate(MCP_USAGE_DAILY_ROLLUP).execute()
        + dsl.truncate(MCP_USAGE_HOURLY_SESSIONS).execute()
        + dsl.truncate(MCP_USAGE_DAILY_SESSIONS).execute());
    return this;
  }

  <T> T sql(java.util.function.Function<DSLContext, T> work) {
    return pool.withDsl(work);
  }

  DatabaseAddress address() {
    return pool.address();
  }
}
