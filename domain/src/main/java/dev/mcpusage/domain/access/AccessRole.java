package dev.mcpusage.domain.access;

/** Value: what a caller may do — read analytics, or also write events and run maintenance. */
public enum AccessRole {
  READER,
  WRITER;

  /** True when this role may do what {@code required} allows. */
  public boolean covers(AccessRole required) {
    return this == WRITER || required == READER;
  }
}
