package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mcpusage.adapter.out.postgres.DatabaseServer;
import dev.mcpusage.adapter.out.postgres.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring: the embedded PostgreSQL in the data dir (no database URL configured). */
public final class EmbeddedPostgresModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger("mcp-usage");

  private final Settings settings;

  public EmbeddedPostgresModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  DatabaseServer databaseServer() {
    return new EmbeddedPostgresServer(settings.dataDir(), LOG::info, settings.embeddedFsync());
  }
}
