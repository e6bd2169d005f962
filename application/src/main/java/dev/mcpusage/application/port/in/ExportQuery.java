package dev.mcpusage.application.port.in;

import java.time.Instant;
import java.util.Objects;

/** Query: the events with {@code from <= timestamp < until}. */
public record ExportQuery(Instant from, Instant until) {

  public ExportQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException(
          "since must be before until, was " + from + " .. " + until);
    }
  }
}
