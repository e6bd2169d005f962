package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.application.port.out.StoreUnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** Lifecycle: brings the schema to the newest Flyway migration. */
public final class PostgresSchemaMigrator {

  private final PostgresConnectionPool pool;

  public PostgresSchemaMigrator(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  /** Applies pending migrations; returns how many ran and the version reached. */
  public MigrationOutcome migrate() {
    try {
      Flyway flyway =
          Flyway.configure()
              .dataSource(pool.dataSource())
              .locations("classpath:db/migration")
              // a database with other tables (Archon's, or archon_migrations after a rollback) is
              // where this schema is meant to live: start its history below V1, apply every
              // migration
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .load();
      MigrateResult result = flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return new MigrationOutcome(
          result.migrationsExecuted, current == null ? "none" : current.getVersion().getVersion());
    } catch (FlywayException e) {
      throw new StoreUnavailableException(
          "migrating " + pool.address().redactedUrl() + " failed: " + e.getMessage(), e);
    }
  }

  /** How many migrations ran and the schema version now in place. */
  public record MigrationOutcome(int applied, String version) {}
}
