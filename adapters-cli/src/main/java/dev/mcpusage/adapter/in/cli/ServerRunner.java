package dev.mcpusage.adapter.in.cli;

/** Port for {@code serve}: starts whatever serves HTTP and says where it listens. */
public interface ServerRunner {

  /** Starts serving; returns the base URL, e.g. {@code http://127.0.0.1:8181}. */
  String start();
}
