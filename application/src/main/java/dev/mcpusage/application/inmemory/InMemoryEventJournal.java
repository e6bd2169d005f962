package dev.mcpusage.application.inmemory;

import dev.mcpusage.application.port.out.EventJournal;
import dev.mcpusage.application.port.out.JournalFullException;
import dev.mcpusage.domain.event.UsageEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Adapter (in memory): a journal bounded by a number of events; gone when the process ends. */
public final class InMemoryEventJournal implements EventJournal {

  private final long maxEvents;
  private final Deque<SpooledBatch> batches = new ArrayDeque<>();
  private long events;
  private long sequence;

  public InMemoryEventJournal(long maxEvents) {
    this.maxEvents = maxEvents;
  }

  @Override
  public synchronized void spool(List<UsageEvent> batch) {
    if (events + batch.size() > maxEvents) {
      throw new JournalFullException(
          "the in-memory journal holds at most " + maxEvents + " events");
    }
    batches.addLast(new SpooledBatch(Long.toString(sequence++), batch));
    events += batch.size();
  }

  @Override
  public synchronized Optional<SpooledBatch> oldest() {
    return Optional.ofNullable(batches.peekFirst());
  }

  @Override
  public synchronized void remove(SpooledBatch batch) {
    if (batches.remove(batch)) {
      events -= batch.events().size();
    }
  }

  @Override
  public synchronized long pendingEvents() {
    return events;
  }

  @Override
  public long sizeBytes() {
    return 0;
  }
}
