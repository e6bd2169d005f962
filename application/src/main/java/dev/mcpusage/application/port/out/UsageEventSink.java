package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.event.UsageEvent;
import java.util.List;

/** Port out: durable storage of usage events; rollups are current when {@link #append} returns. */
public interface UsageEventSink {

  /**
   * Stores the batch in one transaction. Idempotent by event id: an event already stored is counted
   * as a duplicate and not counted twice in any statistic.
   *
   * @throws StoreUnavailableException when the store cannot be reached
   */
  AppendResult append(List<UsageEvent> events);

  /**
   * How many events of a batch were new, how many were already stored, and which the store refused
   * (a remote server's own checks; a database refuses none).
   */
  record AppendResult(int inserted, int duplicates, List<Refusal> refused) {
    public AppendResult {
      refused = List.copyOf(refused);
    }

    public AppendResult(int inserted, int duplicates) {
      this(inserted, duplicates, List.of());
    }
  }

  /** The event at {@code index} of the batch was not stored: its {@code field} and why. */
  record Refusal(int index, String field, String message) {}
}
