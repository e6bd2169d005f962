package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mcpusage.adapter.in.http.AnalyticsController;
import dev.mcpusage.adapter.in.http.HealthController;
import dev.mcpusage.adapter.in.http.HttpServer;
import dev.mcpusage.adapter.in.http.HttpSettings;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.ReportHealth;

/** Wiring: the HTTP server and its controllers. */
public final class HttpModule extends AbstractModule {

  private final Settings settings;

  public HttpModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  HttpServer httpServer(QueryUsage queryUsage, ReportHealth reportHealth) {
    return new HttpServer(
        new HttpSettings(settings.httpHost(), settings.httpPort()),
        new AnalyticsController(queryUsage),
        new HealthController(reportHealth));
  }
}
