package dev.mcpusage.application.port.in;

/** Result: overall status, whether the store answered, and a human detail line. */
public record HealthReport(boolean healthy, boolean storeReachable, String detail) {}
