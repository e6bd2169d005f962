package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_DAILY_SESSIONS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_ROLLUP;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_HOURLY_SESSIONS;

import dev.mcpusage.application.port.out.UsageStoreContractTest;

/** The same contract on Debian's PostgreSQL 15, the oldest supported server (the seed's target). */
class Postgres15UsageStoreIT extends UsageStoreContractTest {

  @Override
  protected Store emptyStore() {
    PostgresConnectionPool pool = DebianPostgres15.shared().pool;
    pool.withDsl(dsl -> dsl.truncate(ARCHON_MCP_USAGE_EVENTS).execute()
        + dsl.truncate(MCP_USAGE_HOURLY_ROLLUP).execute()
        + dsl.truncate(MCP_USAGE_DAILY_ROLLUP).execute()
        + dsl.truncate(MCP_USAGE_HOURLY_SESSIONS).execute()
        + dsl.truncate(MCP_USAGE_DAILY_SESSIONS).execute());
    return new Store(new PostgresUsageEventSink(pool), new PostgresUsageStatsReader(pool));
  }
}
