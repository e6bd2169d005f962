package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.adapter.out.postgres.DatabaseServer;
import dev.mcpusage.adapter.out.postgres.ExternalPostgresServer;

/** Wiring: a PostgreSQL reached by the configured URL. */
public final class ExternalPostgresModule extends AbstractModule {

  private final Settings settings;

  public ExternalPostgresModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  DatabaseServer databaseServer() {
    return new ExternalPostgresServer(
        new DatabaseAddress(
            settings.dbUrl().orElseThrow(), settings.dbUser(), settings.dbPassword()));
  }
}
