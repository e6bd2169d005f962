package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.bucket.DayBucket;
import java.time.Instant;
import java.util.List;

/** Result: what retention removed — whole days dropped and rows trimmed from the boundary day. */
public record CleanupReport(Instant cutoff, List<DayBucket> droppedDays, long deletedEvents) {

  public CleanupReport {
    droppedDays = List.copyOf(droppedDays);
  }
}
