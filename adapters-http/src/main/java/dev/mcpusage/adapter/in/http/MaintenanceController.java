package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.CleanupReport;
import dev.mcpusage.domain.bucket.DayBucket;
import dev.mcpusage.domain.retention.RetentionPolicy;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Controller: the seed's cron paths, for the writer role. */
public final class MaintenanceController {

  private final MaintainUsage maintainUsage;
  private final RetentionPolicy retention;

  public MaintenanceController(MaintainUsage maintainUsage, RetentionPolicy retention) {
    this.maintainUsage = maintainUsage;
    this.retention = retention;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.post(
            "/api/mcp-analytics/refresh-views",
            "Rebuild the rollups from the events (repair; they are always current otherwise)",
            this::refresh),
        ApiRoute.post(
            "/api/mcp-analytics/cleanup",
            "Drop events older than the retention period (whole day partitions; the boundary day trimmed)",
            this::cleanup));
  }

  void refresh(Context ctx) {
    ctx.json(
        maintainUsage.rebuildRollups().stream()
            .map(rebuild -> new RefreshResponse(rebuild.viewName(), rebuild.status()))
            .toList());
  }

  void cleanup(Context ctx) {
    CleanupReport report = maintainUsage.applyRetention(retention);
    ctx.json(
        new CleanupResponse(
            retention.days(),
            report.cutoff(),
            report.droppedDays().stream().map(DayBucket::date).toList(),
            report.deletedEvents()));
  }

  /** Response: one rebuilt view. */
  record RefreshResponse(String viewName, String refreshStatus) {}

  /** Response: what retention removed. */
  record CleanupResponse(
      int retentionDays, Instant cutoff, List<LocalDate> droppedDays, long deletedCount) {}
}
