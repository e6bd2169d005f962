package dev.mcpusage.bootstrap;

import dev.mcpusage.adapter.out.postgres.EmbeddedPostgresServer;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import java.nio.file.Path;

/**
 * Test fixture: a fresh embedded PostgreSQL in a directory, started, its schema migrated or not.
 */
final class TestDatabase {

  private TestDatabase() {}

  static PostgresConnectionPool start(Path dir, boolean migrated) {
    PostgresConnectionPool pool =
        new PostgresConnectionPool(new EmbeddedPostgresServer(dir, m -> {}, false), 2, migrated);
    pool.start();
    return pool;
  }
}
