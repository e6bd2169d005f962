package dev.mcpusage.adapter.in.cli;

import java.time.Duration;

/** Port: live demo traffic — MCP clients calling the built-in demo server, every call recorded. */
public interface LiveDemo {

  /**
   * Starts the demo clients.
   *
   * @param maxCalls calls in all before they stop; 0 for no limit
   * @param meanPause mean pause of each client between calls
   */
  Running start(long maxCalls, Duration meanPause);

  /** Demo clients at work. */
  interface Running extends AutoCloseable {

    /** Calls answered so far. */
    long calls();

    /** Waits until the clients stopped after their budget; false on timeout. */
    boolean await(Duration timeout) throws InterruptedException;

    /** Stops the clients. */
    @Override
    void close();
  }
}
