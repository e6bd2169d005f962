package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.application.port.out.UsageStoreContractTest;

class PostgresUsageStoreIT extends UsageStoreContractTest {

  @Override
  protected Store emptyStore() {
    TestDatabase db = TestDatabase.shared().empty();
    return new Store(new PostgresUsageEventSink(db.pool), new PostgresUsageStatsReader(db.pool));
  }
}
