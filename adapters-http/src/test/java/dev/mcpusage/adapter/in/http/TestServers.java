package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.inmemory.InMemoryEventJournal;
import dev.mcpusage.application.inmemory.InMemoryMaintenanceStore;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.inmemory.InMemoryUsageStatsReader;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.application.service.HealthService;
import dev.mcpusage.application.service.MaintainUsageService;
import dev.mcpusage.application.service.QueryUsageService;
import dev.mcpusage.application.service.RecordUsageService;
import dev.mcpusage.application.tracker.TrackerSettings;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.access.AccessTokens;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.time.Clock;

/** Test fixture: an HTTP server over a reader, with fixed tokens, started on a free port. */
final class TestServers {

  static final String READER_TOKEN = "reader-token-0123456789abcdef";
  static final String WRITER_TOKEN = "writer-token-0123456789abcdef";

  private TestServers() {}

  static HttpServer start(UsageStatsReader reader, HttpSettings settings, Clock clock) {
    return start(reader, new InMemoryUsageEventSink(new InMemoryUsageEvents()), settings, clock);
  }

  /** A server whose ingest writes into {@code events} and whose reads see them. */
  static HttpServer start(InMemoryUsageEvents events, HttpSettings settings, Clock clock) {
    return start(
        new InMemoryUsageStatsReader(events), new InMemoryUsageEventSink(events), settings, clock);
  }

  private static HttpServer start(
      UsageStatsReader reader, UsageEventSink sink, HttpSettings settings, Clock clock) {
    HttpServer server =
        new HttpServer(
            settings,
            new AnalyticsController(new QueryUsageService(reader, clock), clock),
            new MaintenanceController(
                new MaintainUsageService(
                    new InMemoryMaintenanceStore(new InMemoryUsageEvents()), clock),
                RetentionPolicy.standard()),
            new HealthController(
                new HealthService(
                    reader,
                    new UsageTracker(
                        sink,
                        new InMemoryEventJournal(10_000),
                        ClockSkewPolicy.standard(),
                        PrivacyPolicy.standard(),
                        clock,
                        TrackerSettings.standard()))),
            tokens(),
            new RecordUsageService(
                sink, ClockSkewPolicy.standard(), PrivacyPolicy.standard(), clock),
            clock);
    server.start();
    return server;
  }

  static ProvideAccessTokens tokens() {
    AccessTokens tokens = new AccessTokens(READER_TOKEN, WRITER_TOKEN);
    return new ProvideAccessTokens() {
      @Override
      public AccessTokens accessTokens() {
        return tokens;
      }

      @Override
      public boolean configuredByOperator() {
        return true;
      }

      @Override
      public boolean generatedNow() {
        return false;
      }
    };
  }
}
