package dev.mcpusage.adapter.out.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Lifecycle: the connection pool to the database the server provides, and jOOQ on top of it. */
public final class PostgresConnectionPool {

  private final DatabaseServer server;
  private final int maximumPoolSize;
  private volatile HikariDataSource dataSource;
  private volatile DSLContext dsl;
  private volatile DatabaseAddress address;

  public PostgresConnectionPool(DatabaseServer server, int maximumPoolSize) {
    this.server = server;
    this.maximumPoolSize = maximumPoolSize;
  }

  /** Starts the server (if ours) and opens the pool; fails with a message naming the URL. */
  public synchronized void start() {
    if (dataSource != null) {
      return;
    }
    address = server.start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(address.jdbcUrl());
    config.setUsername(address.user());
    address.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(maximumPoolSize);
    config.setPoolName("mcp-usage");
    config.setConnectionTimeout(10_000);
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
    dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
  }

  /** Closes the pool and stops the server if it is ours. */
  public synchronized void stop() {
    if (dataSource != null) {
      dataSource.close();
      dataSource = null;
      dsl = null;
    }
    server.stop();
  }

  /** Where the pool connects. */
  public DatabaseAddress address() {
    requireStarted();
    return address;
  }

  /** The pooled data source (for Flyway). */
  DataSource dataSource() {
    requireStarted();
    return dataSource;
  }

  /** Runs {@code work} in one transaction, translating database failures. */
  <T> T inTransaction(Function<DSLContext, T> work) {
    requireStarted();
    try {
      return dsl.transactionResult(trx -> work.apply(trx.dsl()));
    } catch (DataAccessException e) {
      throw unavailable(e);
    }
  }

  /** Runs {@code work} on the pool outside an explicit transaction, translating failures. */
  <T> T withDsl(Function<DSLContext, T> work) {
    requireStarted();
    try {
      return work.apply(dsl);
    } catch (DataAccessException e) {
      throw unavailable(e);
    }
  }

  private StoreUnavailableException unavailable(DataAccessException e) {
    return new StoreUnavailableException(
        "PostgreSQL at " + address.redactedUrl() + " failed: " + rootMessage(e), e);
  }

  private void requireStarted() {
    if (dsl == null) {
      throw new IllegalStateException("the connection pool is not started");
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
