package dev.mcpusage.adapter.in.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.in.RecordUsage;
import dev.mcpusage.domain.access.AccessRole;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Lifecycle: the Javalin server; every route is an {@link ApiRoute} declared here, guarded and
 * measured.
 */
public final class HttpServer {

  private final HttpSettings settings;
  private final AnalyticsController analytics;
  private final MaintenanceController maintenance;
  private final HealthController health;
  private final ProvideAccessTokens tokens;
  private final HttpMetrics metrics = new HttpMetrics();
  private final IngestController ingest;
  private Javalin app;

  public HttpServer(
      HttpSettings settings,
      AnalyticsController analytics,
      MaintenanceController maintenance,
      HealthController health,
      ProvideAccessTokens tokens,
      RecordUsage recordUsage,
      Clock clock) {
    this.settings = settings;
    this.ingest = new IngestController(recordUsage, clock, metrics);
    this.analytics = analytics;
    this.maintenance = maintenance;
    this.health = health;
    this.tokens = tokens;
  }

  /**
   * Starts listening; returns the bound port (useful with port 0). Refuses a non-loopback host
   * unless the operator configured both tokens.
   */
  public synchronized int start() {
    if (app != null) {
      return app.port();
    }
    if (!settings.loopbackOnly() && !tokens.configuredByOperator()) {
      throw new IllegalStateException(
          "refusing to listen on "
              + settings.host()
              + " without tokens: set MCP_USAGE_READER_TOKEN and MCP_USAGE_WRITER_TOKEN (24+ characters each),"
              + " or bind to 127.0.0.1");
    }
    tokens.accessTokens();
    List<ApiRoute> routes = routes();
    AccessGuard guard = new AccessGuard(tokens, settings.allowsAnonymousReads());
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              config.jsonMapper(new JavalinJackson(objectMapper(), false));
              config.http.defaultContentType = "application/json";
              config.http.generateEtags = true;
              config.http.maxRequestSize = IngestController.MAX_BODY_BYTES;
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                  });
              config.staticFiles.enableWebjars();
              if (!settings.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(
                    cors ->
                        cors.addRule(
                            rule -> {
                              String first = settings.corsOrigins().get(0);
                              rule.allowHost(
                                  first,
                                  settings
                                      .corsOrigins()
                                      .subList(1, settings.corsOrigins().size())
                                      .toArray(String[]::new));
                            }));
              }
              config.requestLogger.http(
                  (ctx, millis) ->
                      metrics.record(
                          ctx.method().name(),
                          ctx.endpoints().list().isEmpty()
                              ? "unmatched"
                              : ctx.endpoints().list().get(0).path,
                          ctx.statusCode(),
                          (long) (millis * 1e6)));
              HttpErrorMapper.register(config.routes);
              config.routes.apiBuilder(
                  () -> {
                    for (ApiRoute route : routes) {
                      if (route.method().equals("POST")) {
                        post(route.path(), guard.protect(route.requires(), route.handler()));
                      } else {
                        get(route.path(), guard.protect(route.requires(), route.handler()));
                      }
                    }
                  });
              config.routes.after(ResponseEtag::tag);
            });
    try {
      app.start();
    } catch (JavalinBindException e) {
      app.stop();
      app = null;
      throw new IllegalStateException(
          "port "
              + settings.port()
              + " on "
              + settings.host()
              + " is in use by another process: stop it, or choose another port with --port"
              + " (or MCP_USAGE_HTTP_PORT)",
          e);
    }
    return app.port();
  }

  /** Stops listening; idempotent. */
  public synchronized void stop() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  /** The address clients use, e.g. {@code http://127.0.0.1:8181}. */
  public String baseUrl() {
    return "http://" + settings.host() + ":" + (app == null ? settings.port() : app.port());
  }

  /** Every route the server registers, the OpenAPI document's own route included. */
  List<ApiRoute> routes() {
    List<ApiRoute> routes = new ArrayList<>();
    routes.add(ApiRoute.open("/health", "Database reachable or not (200/503)", health::health));
    routes.add(
        ApiRoute.get(
            "/metrics",
            AccessRole.READER,
            "Prometheus text metrics",
            List.of(),
            ctx ->
                ctx.contentType("text/plain; version=0.0.4")
                    .result(metrics.prometheusText(health.check()))));
    routes.addAll(analytics.routes());
    routes.addAll(maintenance.routes());
    routes.addAll(ingest.routes());
    routes.add(
        ApiRoute.open(
            "/openapi.json",
            "This document",
            ctx -> ctx.json(OpenApiDocument.of(routes, version()))));
    return List.copyOf(routes);
  }

  private static String version() {
    String version = HttpServer.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  }
}
