package dev.mcpusage.application.port.out;

/**
 * Port out: the right to run the scheduled maintenance, held by one process at a time among all
 * that share the store, and freed when its holder stops or dies.
 */
public interface SchedulerLease extends AutoCloseable {

  /** Keeps the lease if this process holds it, or takes it if it is free; false otherwise. */
  boolean acquire();

  /** Gives the lease up, if held. */
  @Override
  void close();
}
