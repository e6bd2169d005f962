package dev.mcpusage.adapter.in.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;

/** Lifecycle: the Javalin server with every route declared in one place. */
public final class HttpServer {

  private final HttpSettings settings;
  private final AnalyticsController analytics;
  private final HealthController health;
  private Javalin app;

  public HttpServer(HttpSettings settings, AnalyticsController analytics, HealthController health) {
    this.settings = settings;
    this.analytics = analytics;
    this.health = health;
  }

  /** Starts listening; returns the bound port (useful with port 0). */
  public synchronized int start() {
    if (app != null) {
      return app.port();
    }
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.jsonMapper(new JavalinJackson(objectMapper(), false));
      config.http.defaultContentType = "application/json";
      HttpErrorMapper.register(config.routes);
      config.routes.apiBuilder(() -> {
        get("/", ctx -> ctx.json(Map.of(
            "name", "mcp-usage",
            "endpoints", List.of("/health", "/api/mcp/analytics/summary?hours=24"))));
        get("/health", health::health);
        path("/api/mcp/analytics", () -> get("/summary", analytics::summary));
      });
    });
    app.start();
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

  static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  }
}
