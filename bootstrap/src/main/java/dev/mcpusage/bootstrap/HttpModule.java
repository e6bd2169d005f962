package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mcpusage.adapter.in.http.AnalyticsController;
import dev.mcpusage.adapter.in.http.HealthController;
import dev.mcpusage.adapter.in.http.HttpServer;
import dev.mcpusage.adapter.in.http.HttpSettings;
import dev.mcpusage.adapter.in.http.MaintenanceController;
import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.RecordUsage;
import dev.mcpusage.application.port.in.ReportHealth;
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.time.Clock;

/** Wiring: the HTTP server and its controllers. */
public final class HttpModule extends AbstractModule {

  private final Settings settings;

  public HttpModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  HttpServer httpServer(
      QueryUsage queryUsage,
      MaintainUsage maintainUsage,
      ReportHealth reportHealth,
      ProvideAccessTokens tokens,
      RecordUsage recordUsage,
      Clock clock) {
    return new HttpServer(
        new HttpSettings(
            settings.httpHost(),
            settings.httpPort(),
            settings.anonymousReads(),
            settings.corsOrigins()),
        new AnalyticsController(queryUsage, clock),
        new MaintenanceController(maintainUsage, new RetentionPolicy(settings.retentionDays())),
        new HealthController(reportHealth),
        tokens,
        recordUsage,
        clock);
  }
}
