package dev.mcpusage.application.port.in;

/**
 * Result: overall status, whether the store answered, a human detail line, and the tracker's
 * counters and backlog.
 */
public record HealthReport(
    boolean healthy, boolean storeReachable, String detail, TrackerStatistics writer) {}
