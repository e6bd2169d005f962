package dev.mcpusage.application.inmemory;

import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.UsageEvent;
import java.util.List;

/** Adapter (in memory): stores events in {@link InMemoryUsageEvents}, idempotent by id. */
public final class InMemoryUsageEventSink implements UsageEventSink {

  private final InMemoryUsageEvents events;

  public InMemoryUsageEventSink(InMemoryUsageEvents events) {
    this.events = events;
  }

  @Override
  public AppendResult append(List<UsageEvent> batch) {
    int inserted = 0;
    for (UsageEvent event : batch) {
      if (events.add(event)) {
        inserted++;
      }
    }
    return new AppendResult(inserted, batch.size() - inserted);
  }
}
