package dev.mcpusage.adapter.out.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Lifecycle: the connection pool to the database the server provides, and jOOQ on top of it. */
public final class PostgresConnectionPool {

  private static final Settings JOOQ_SETTINGS = new Settings().withExecuteLogging(false);

  private final DatabaseServer server;
  private final int maximumPoolSize;
  private final boolean migrateOnStart;
  private volatile PostgresSchemaMigrator.MigrationOutcome migrationAtStart;
  private volatile HikariDataSource dataSource;
  private volatile DatabaseAddress address;
  // set once the schema is migrated: another thread seeing the pool open earlier would run its
  // statements against the schema while the migration is still creating it
  private volatile boolean ready;

  /**
   * @param migrateOnStart whether {@link #start()} brings the schema to the newest migration
   */
  public PostgresConnectionPool(
      DatabaseServer server, int maximumPoolSize, boolean migrateOnStart) {
    this.server = server;
    this.maximumPoolSize = maximumPoolSize;
    this.migrateOnStart = migrateOnStart;
  }

  /**
   * Starts the server (if ours), opens the pool and migrates if asked to; fails with a message
   * naming the URL. Every use starts it on demand, so calling this is only needed to fail early.
   */
  public synchronized void start() {
    if (dataSource != null) {
      return; // started, or this thread is migrating (the migrator uses the pool)
    }
    address = server.start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(address.jdbcUrl());
    config.setUsername(address.user());
    address.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(maximumPoolSize);
    config.setPoolName("mcp-usage");
    config.setConnectionTimeout(10_000);
    // reads bind their window: a plan made for "any window" scanned whole rollup tables where the
    // window's own plan reads an index range (the trigger's statements have no parameters, so
    // they keep one cached plan per connection)
    config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
    // every statement server-prepared with binary results from its first run: a 168-hour series
    // reads ~2,400 rows of ~90 numbers, and parsing them as text took a third of the request
    config.addDataSourceProperty("prepareThreshold", "-1");
    config.setInitializationFailTimeout(10_000);
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      server.stop();
      throw new StoreUnavailableException(
          "cannot connect to PostgreSQL at "
              + address.redactedUrl()
              + ": "
              + rootMessage(e)
              + " (check MCP_USAGE_DB_URL / --db-url, or unset it to use the embedded database)",
          e);
    }
    if (migrateOnStart) {
      try {
        migrationAtStart = new PostgresSchemaMigrator(this).migrate();
      } catch (StoreUnavailableException e) {
        // a pool on an unmigrated schema would only fail later, less clearly: release it all now
        stop();
        throw e;
      }
    }
    HikariDataSource opened = dataSource;
    server.whenOwnerStops(() -> reopenLater(opened));
    ready = true;
  }

  /** What the migration at start did, if one ran. */
  Optional<PostgresSchemaMigrator.MigrationOutcome> migrationAtStart() {
    return Optional.ofNullable(migrationAtStart);
  }

  /** True when the server is the embedded one this product runs. */
  boolean isEmbedded() {
    return server instanceof EmbeddedPostgresServer;
  }

  /** The server's version string, e.g. {@code 18.6}. */
  String serverVersion() {
    return withDsl(
        dsl ->
            dsl.connectionResult(
                connection -> connection.getMetaData().getDatabaseProductVersion()));
  }

  /** Closes the pool and stops the server if it is ours. */
  public synchronized void stop() {
    ready = false;
    if (dataSource != null) {
      dataSource.close();
      dataSource = null;
    }
    server.stop();
  }

  /** Where the pool connects. */
  public DatabaseAddress address() {
    ensureStarted();
    return address;
  }

  /** The pooled data source (for Flyway). */
  DataSource dataSource() {
    ensureStarted();
    return dataSource;
  }

  /** Runs {@code work} in one transaction, translating database failures. */
  <T> T inTransaction(Function<DSLContext, T> work) {
    HikariDataSource source = open();
    // one connection taken up front: given the data source, jOOQ asks it again to roll back after
    // a failed acquire, so a database that is down would hold the caller two connection timeouts
    try (Connection connection = source.getConnection()) {
      return DSL.using(connection, SQLDialect.POSTGRES, JOOQ_SETTINGS)
          .transactionResult(trx -> work.apply(trx.dsl()));
    } catch (SQLException | DataAccessException e) {
      throw unavailable(e, source);
    }
  }

  /** Runs {@code work} on the pool outside an explicit transaction, translating failures. */
  <T> T withDsl(Function<DSLContext, T> work) {
    HikariDataSource source = open();
    try {
      return work.apply(DSL.using(source, SQLDialect.POSTGRES, JOOQ_SETTINGS));
    } catch (DataAccessException e) {
      throw unavailable(e, source);
    }
  }

  private StoreUnavailableException unavailable(Exception e, HikariDataSource failed) {
    StoreUnavailableException unavailable =
        new StoreUnavailableException(
            "PostgreSQL at " + address.redactedUrl() + " failed: " + rootMessage(e), e);
    if (server.lostItsOwner()) {
      reopenLater(failed);
    }
    return unavailable;
  }

  /**
   * The server this pool reached is gone with the process that ran it: the next use starts or finds
   * the server again, on its new port (the caller retries, as for any failure).
   */
  private synchronized void reopenLater(HikariDataSource failed) {
    if (dataSource != failed) {
      return; // another thread did it
    }
    ready = false;
    dataSource = null;
    failed.close();
  }

  /** The open data source, started on first use. */
  private HikariDataSource open() {
    ensureStarted();
    HikariDataSource source = dataSource;
    if (source == null) {
      throw new StoreUnavailableException(
          "PostgreSQL at " + address.redactedUrl() + " is being reopened; try again");
    }
    return source;
  }

  private void ensureStarted() {
    if (!ready) {
      start();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
