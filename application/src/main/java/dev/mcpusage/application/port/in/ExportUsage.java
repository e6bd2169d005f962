package dev.mcpusage.application.port.in;

import dev.mcpusage.application.port.out.StoredEvent;
import java.util.function.Consumer;

/** Use case: read out the raw events of a period, e.g. to archive them or move them elsewhere. */
public interface ExportUsage {

  /**
   * Hands each event of the period to {@code each}, oldest first, without holding them in memory.
   *
   * @return how many events were exported
   */
  long export(ExportQuery query, Consumer<StoredEvent> each);
}
