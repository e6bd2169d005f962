package dev.mcpusage.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Value: one stored event as its row, for export — the metadata as the JSON text the store holds,
 * so it is written out unchanged.
 */
public record StoredEvent(
    String id,
    Instant timestamp,
    String serverName,
    String toolName,
    String toolCategory,
    Optional<String> sessionId,
    Optional<String> clientType,
    String requestMetadataJson,
    Optional<String> sourceId,
    Optional<String> queryText,
    Optional<Integer> matchCount,
    int responseTimeMs,
    boolean success,
    Optional<String> errorType) {}
