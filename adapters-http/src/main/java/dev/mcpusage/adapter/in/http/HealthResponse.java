package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.HealthReport;

/** Response: {@code status} ok/unavailable, whether the database answered, and why. */
record HealthResponse(String status, String database, String detail) {

  static HealthResponse from(HealthReport report) {
    return new HealthResponse(
        report.healthy() ? "ok" : "unavailable",
        report.storeReachable() ? "up" : "down",
        report.detail());
  }
}
