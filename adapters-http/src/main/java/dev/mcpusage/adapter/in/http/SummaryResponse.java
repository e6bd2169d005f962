package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.latency.Percentiles;
import dev.mcpusage.domain.stats.UsageSummary;

/** Response: the seed's summary fields (snake_case on the wire) plus latency percentiles. */
record SummaryResponse(
    int timeRangeHours,
    long totalCalls,
    long successfulCalls,
    long failedCalls,
    double successRate,
    long uniqueSessions,
    double avgResponseTimeMs,
    String mostUsedTool,
    String mostUsedCategory,
    int p50ResponseTimeMs,
    int p95ResponseTimeMs,
    int p99ResponseTimeMs) {

  static SummaryResponse from(int hours, UsageSummary summary) {
    Percentiles percentiles = summary.percentiles();
    return new SummaryResponse(
        hours,
        summary.totalCalls(),
        summary.successfulCalls(),
        summary.failedCalls(),
        summary.successRate(),
        summary.uniqueSessions(),
        summary.averageResponseTimeMs(),
        summary.mostUsedTool().orElse(null),
        summary.mostUsedCategory().orElse(null),
        percentiles.p50(),
        percentiles.p95(),
        percentiles.p99());
  }
}
