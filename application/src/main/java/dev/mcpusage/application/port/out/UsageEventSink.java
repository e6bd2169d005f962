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

  /** How many events of a batch were new and how many were already stored. */
  record AppendResult(int inserted, int duplicates) {}
}
