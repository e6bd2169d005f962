package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.HealthReport;
import dev.mcpusage.application.port.in.TrackerStatistics;

/**
 * Response: {@code status} ok/unavailable, whether the database answered, why, and the writer's
 * backlog.
 */
record HealthResponse(String status, String database, String detail, Writer writer) {

  static HealthResponse from(HealthReport report) {
    return new HealthResponse(
        report.healthy() ? "ok" : "unavailable",
        report.storeReachable() ? "up" : "down",
        report.detail(),
        Writer.from(report.writer()));
  }

  /** The in-process tracker: events waiting (queued, retrying, journaled) and events lost. */
  record Writer(
      long backlog,
      long queued,
      long retrying,
      long journaled,
      long rejected,
      long dropped,
      String store) {

    static Writer from(TrackerStatistics stats) {
      return new Writer(
          stats.backlog(),
          stats.queueDepth(),
          stats.retryingEvents(),
          stats.journalEvents(),
          stats.rejected(),
          stats.dropped(),
          stats.storeHealthy() ? "up" : "down");
    }
  }
}
