package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.bucket.DayBucket;

/** Result: one day's event partition — its day, its events and its size on disk. */
public record PartitionInfo(DayBucket day, long events, long bytes) {}
