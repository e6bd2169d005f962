package dev.mcpusage.application.inmemory;

import dev.mcpusage.application.port.out.UsageStoreContractTest;

class InMemoryUsageStoreTest extends UsageStoreContractTest {

  @Override
  protected Store emptyStore() {
    InMemoryUsageEvents events = new InMemoryUsageEvents();
    return new Store(new InMemoryUsageEventSink(events), new InMemoryUsageStatsReader(events));
  }
}
