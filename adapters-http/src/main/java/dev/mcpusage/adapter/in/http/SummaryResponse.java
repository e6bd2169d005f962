package dev.mcpusage.adapter.in.http;

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
        summary.percentiles().p50(),
        summary.percentiles().p95(),
        summary.percentiles().p99());
  }
}
