package dev.mcpusage.application.port.in;

/** Command: how much synthetic traffic to load, over how many days, from which random seed. */
public record DemoLoadCommand(long events, int days, long seed, boolean onlyIfEmpty) {

  /** Most events one demo load makes. */
  public static final long MAX_EVENTS = 1_000_000_000L;

  /** Longest span a demo load covers: the retention period. */
  public static final int MAX_DAYS = 180;

  public DemoLoadCommand {
    if (events < 1 || events > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "events must be between 1 and " + MAX_EVENTS + ", was " + events);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "days must be between 1 and " + MAX_DAYS + ", was " + days);
    }
  }
}
