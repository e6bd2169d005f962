package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mcpusage.adapter.out.http.HttpUsageEventSink;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.adapter.out.postgres.PostgresUsageEventSink;
import dev.mcpusage.application.port.out.UsageEventSink;

/**
 * Wiring: where recorded events are stored — the database in use, or a central mcp-usage server
 * when {@code MCP_USAGE_SEND_TO} names one (then nothing here opens the database).
 */
public final class EventSinkModule extends AbstractModule {

  private final Settings settings;

  public EventSinkModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  UsageEventSink sink(Provider<PostgresConnectionPool> pool) {
    return settings
        .sendTo()
        .<UsageEventSink>map(remote -> new HttpUsageEventSink(remote.url(), remote.writerToken()))
        .orElseGet(() -> new PostgresUsageEventSink(pool.get()));
  }
}
