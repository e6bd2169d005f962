package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.application.port.out.UsageStoreContractTest;

/** The same contract on Debian's PostgreSQL 15, the oldest supported server (the seed's target). */
class Postgres15UsageStoreIT extends UsageStoreContractTest {

  @Override
  protected Store emptyStore() {
    PostgresConnectionPool pool = DebianPostgres15.shared().pool;
    TestDatabase.emptyAll(pool);
    return new Store(new PostgresUsageEventSink(pool), new PostgresUsageStatsReader(pool));
  }
}
