package dev.mcpusage.application.port.in;

import java.util.function.LongConsumer;

/** Use case: fill a store with synthetic, seed-shaped traffic so a first look is not empty. */
public interface LoadDemoUsage {

  /**
   * Loads {@code command.events()} events over the last {@code command.days()} days, unless {@code
   * command.onlyIfEmpty()} and the store already holds events.
   *
   * @return the number of events stored
   */
  default long load(DemoLoadCommand command) {
    return load(command, stored -> {});
  }

  /**
   * The same, telling {@code progress} the number stored so far after each batch.
   *
   * @return the number of events stored
   */
  long load(DemoLoadCommand command, LongConsumer progress);
}
