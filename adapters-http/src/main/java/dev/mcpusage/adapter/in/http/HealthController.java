package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.HealthReport;
import dev.mcpusage.application.port.in.ReportHealth;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Controller: {@code GET /health}, 200 when the store answers, 503 when it does not. */
public final class HealthController {

  private final ReportHealth reportHealth;

  public HealthController(ReportHealth reportHealth) {
    this.reportHealth = reportHealth;
  }

  HealthReport check() {
    return reportHealth.health();
  }

  void health(Context ctx) {
    HealthReport report = check();
    ctx.status(report.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(HealthResponse.from(report));
  }
}
