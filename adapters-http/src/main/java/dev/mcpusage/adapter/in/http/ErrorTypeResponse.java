package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.stats.ErrorCount;
import java.time.Instant;

/** Response: failures of one tool with one error type over a period. */
record ErrorTypeResponse(
    String serverName,
    String toolCategory,
    String toolName,
    String errorType,
    long errorCount,
    Instant lastSeenAt) {

  static ErrorTypeResponse from(ErrorCount error) {
    return new ErrorTypeResponse(
        error.tool().serverName(),
        error.tool().toolCategory(),
        error.tool().toolName(),
        error.errorType(),
        error.count(),
        error.lastSeenAt());
  }
}
