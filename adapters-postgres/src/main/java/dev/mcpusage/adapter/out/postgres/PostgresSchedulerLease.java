package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.application.port.out.SchedulerLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter (PostgreSQL): the lease as a session-level advisory lock on a connection this process
 * keeps. PostgreSQL frees it when the session ends, so a process that dies — or a database that
 * restarts — hands the lease to the next process that asks.
 */
public final class PostgresSchedulerLease implements SchedulerLease {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresSchedulerLease.class);

  /** The advisory lock's key: "mcpusage" in ASCII, unlikely to meet another application's. */
  static final long KEY = 0x6d63_7075_7361_6765L;

  private final PostgresConnectionPool pool;
  private Connection holding;

  public PostgresSchedulerLease(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public synchronized boolean acquire() {
    if (holding != null && stillValid(holding)) {
      return true;
    }
    closeQuietly(holding);
    holding = null;
    Connection connection = null;
    try {
      connection = pool.dataSource().getConnection();
      connection.setAutoCommit(true);
      if (tryLock(connection)) {
        holding = connection;
        return true;
      }
      connection.close();
      return false;
    } catch (SQLException e) {
      closeQuietly(connection);
      LOG.debug("scheduler lease: cannot ask the database: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (holding == null) {
      return;
    }
    try (PreparedStatement unlock = holding.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    } catch (SQLException e) {
      LOG.debug("scheduler lease: unlock failed (the session ends anyway): {}", e.getMessage());
    }
    closeQuietly(holding);
    holding = null;
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      try (ResultSet result = lock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static boolean stillValid(Connection connection) {
    try {
      return connection.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("scheduler lease: closing a connection failed: {}", e.getMessage());
    }
  }
}
