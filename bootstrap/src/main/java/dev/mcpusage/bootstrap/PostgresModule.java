package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mcpusage.adapter.out.postgres.DatabaseServer;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresEventStreamReader;
import dev.mcpusage.adapter.out.postgres.PostgresMaintenanceStore;
import dev.mcpusage.adapter.out.postgres.PostgresSchedulerLease;
import dev.mcpusage.adapter.out.postgres.PostgresUsageStatsReader;
import dev.mcpusage.application.port.out.EventStreamReader;
import dev.mcpusage.application.port.out.MaintenanceStore;
import dev.mcpusage.application.port.out.SchedulerLease;
import dev.mcpusage.application.port.out.UsageStatsReader;

/**
 * Wiring: the PostgreSQL stores over one pool; which server the pool reaches is another module's,
 * and whether recorded events go to it is {@link EventSinkModule}'s.
 */
public final class PostgresModule extends AbstractModule {

  private final Settings settings;

  public PostgresModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  PostgresConnectionPool pool(DatabaseServer server) {
    return new PostgresConnectionPool(server, settings.poolSize(), settings.autoMigrate());
  }

  @Provides
  @Singleton
  UsageStatsReader reader(PostgresConnectionPool pool) {
    return new PostgresUsageStatsReader(pool);
  }

  @Provides
  @Singleton
  MaintenanceStore maintenanceStore(PostgresConnectionPool pool) {
    return new PostgresMaintenanceStore(pool);
  }

  @Provides
  @Singleton
  SchedulerLease schedulerLease(PostgresConnectionPool pool) {
    return new PostgresSchedulerLease(pool);
  }

  @Provides
  @Singleton
  EventStreamReader eventStreamReader(PostgresConnectionPool pool) {
    return new PostgresEventStreamReader(pool);
  }
}
