package dev.mcpusage.adapter.out.postgres;

/** Lifecycle: makes a PostgreSQL server available and says where it is. */
public interface DatabaseServer {

  /** Starts or reaches the server; idempotent. */
  DatabaseAddress start();

  /** Releases what {@link #start()} took; idempotent. */
  void stop();

  /**
   * After a failure: true when the server reached was run by another process that has since stopped
   * it (or replaced it), so that {@link #start()} must run or find the server again.
   */
  default boolean lostItsOwner() {
    return false;
  }

  /**
   * Runs {@code lost} once, on another thread, when the server reached is run by another process
   * that stops it (or replaces it) while this one is idle, so that the next use need not first wait
   * for a connection to a server that is gone. Watches until {@link #stop()} or the next {@link
   * #start()}.
   */
  default void whenOwnerStops(Runnable lost) {}
}
