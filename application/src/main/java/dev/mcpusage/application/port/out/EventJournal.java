package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.event.UsageEvent;
import java.util.List;
import java.util.Optional;

/**
 * Port out: durable local overflow for events the store could not take yet, replayed oldest first
 * once it can.
 */
public interface EventJournal {

  /**
   * Keeps the batch durably (it survives a crash or restart once this returns).
   *
   * @throws JournalFullException when the journal's bound would be exceeded
   */
  void spool(List<UsageEvent> events);

  /** The oldest batch still waiting, if any. */
  Optional<SpooledBatch> oldest();

  /** Forgets a batch the store has taken. */
  void remove(SpooledBatch batch);

  /** Events waiting. */
  long pendingEvents();

  /** Bytes the journal takes. */
  long sizeBytes();

  /** A spooled batch and the handle to remove it by. */
  record SpooledBatch(String id, List<UsageEvent> events) {

    public SpooledBatch {
      events = List.copyOf(events);
    }
  }
}
