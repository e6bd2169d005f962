package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.latency.Percentiles;
import dev.mcpusage.domain.stats.BucketStats;
import dev.mcpusage.domain.stats.UsageRollup;
import java.time.Instant;

/** Response: one hourly or daily row with the seed's view columns plus percentiles. */
record RollupResponse(
    Instant bucket,
    String serverName,
    String toolCategory,
    String toolName,
    long callCount,
    long errorCount,
    double avgResponseTimeMs,
    long uniqueSessions,
    Instant firstCallAt,
    Instant lastCallAt,
    int p50ResponseTimeMs,
    int p95ResponseTimeMs,
    int p99ResponseTimeMs) {

  static RollupResponse from(UsageRollup row) {
    BucketStats stats = row.stats();
    Percentiles percentiles = stats.percentiles();
    return new RollupResponse(
        row.bucketStart(),
        row.tool().serverName(),
        row.tool().toolCategory(),
        row.tool().toolName(),
        stats.callCount(),
        stats.errorCount(),
        Rounding.twoDecimals(stats.averageResponseTimeMs()),
        row.uniqueSessions(),
        stats.firstCallAt().orElse(null),
        stats.lastCallAt().orElse(null),
        percentiles.p50(),
        percentiles.p95(),
        percentiles.p99());
  }
}
