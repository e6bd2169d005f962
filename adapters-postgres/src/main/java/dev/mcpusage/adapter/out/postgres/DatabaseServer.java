package dev.mcpusage.adapter.out.postgres;

/** Lifecycle: makes a PostgreSQL server available and says where it is. */
public interface DatabaseServer {

  /** Starts or reaches the server; idempotent. */
  DatabaseAddress start();

  /** Releases what {@link #start()} took; idempotent. */
  void stop();
}
