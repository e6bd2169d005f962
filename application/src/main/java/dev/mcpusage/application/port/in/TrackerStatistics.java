package dev.mcpusage.application.port.in;

import java.util.Map;
import java.util.Optional;

/**
 * Snapshot: the tracker's counters since start, its backlog now, and the store's health as the
 * writer last saw it.
 *
 * @param accepted events taken from callers into the queue
 * @param written events the store took as new
 * @param duplicates events the store already had (a replay after a crash, or a repeated id)
 * @param retried failed write attempts that were retried later
 * @param spooled events moved to the journal because the store was down and memory was full
 * @param replayed journal events the store took after recovering (also counted in written)
 * @param rejectedByField events refused by the domain, by the field at fault
 * @param adjustedByField events stored with a change (U+0000 replaced, text cut, metadata over its
 *     limit), by field
 * @param droppedByReason events not kept at all, by reason (queue_full, journal_full, closed)
 * @param queueDepth events waiting in the queue
 * @param retryingEvents events held in memory waiting for the store to come back
 * @param journalEvents events waiting in the journal
 * @param journalBytes size of the journal on disk
 * @param writes successful write calls to the store
 * @param writeNanosTotal time spent in those calls
 * @param writeNanosMax longest of those calls
 * @param storeHealthy whether the last write attempt succeeded
 * @param lastError the last write failure, if the store is not healthy
 */
public record TrackerStatistics(
    long accepted,
    long written,
    long duplicates,
    long retried,
    long spooled,
    long replayed,
    Map<String, Long> rejectedByField,
    Map<String, Long> adjustedByField,
    Map<String, Long> droppedByReason,
    long queueDepth,
    long retryingEvents,
    long journalEvents,
    long journalBytes,
    long writes,
    long writeNanosTotal,
    long writeNanosMax,
    boolean storeHealthy,
    Optional<String> lastError) {

  public TrackerStatistics {
    rejectedByField = Map.copyOf(rejectedByField);
    adjustedByField = Map.copyOf(adjustedByField);
    droppedByReason = Map.copyOf(droppedByReason);
  }

  /** Events accepted but not yet in the store: queued, retrying in memory, or journaled. */
  public long backlog() {
    return queueDepth + retryingEvents + journalEvents;
  }

  /** All events refused by the domain. */
  public long rejected() {
    return rejectedByField.values().stream().mapToLong(Long::longValue).sum();
  }

  /** All events not kept. */
  public long dropped() {
    return droppedByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
