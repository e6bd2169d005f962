package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.event.UsageEvent;
import java.util.List;

/** Command: a batch of events to record, in arrival order. */
public record RecordBatchCommand(List<UsageEvent> events) {

  /** Largest batch one call accepts; larger ones are split by the caller. */
  public static final int MAX_EVENTS = 100_000;

  public RecordBatchCommand {
    events = List.copyOf(events);
    if (events.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "a batch holds at most " + MAX_EVENTS + " events, got " + events.size());
    }
  }
}
