package dev.mcpusage.application.port.out;

import java.time.Instant;
import java.util.function.Consumer;

/** Port out: the stored events of a time range, streamed in time order in constant memory. */
public interface EventStreamReader {

  /**
   * Hands each event with {@code from <= timestamp < until} to {@code each}, oldest first.
   *
   * @return how many there were
   * @throws StoreUnavailableException when the store cannot be read
   */
  long each(Instant from, Instant until, Consumer<StoredEvent> each);
}
