package dev.mcpusage.domain.privacy;

import dev.mcpusage.domain.event.Adjustment;
import dev.mcpusage.domain.event.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Policy: what of an event may be stored — the query text in full, hashed or not at all; metadata
 * values under sensitive keys replaced at any depth; metadata larger than a cap replaced by a
 * marker.
 */
public record PrivacyPolicy(QueryTextMode queryText, Pattern sensitiveKeys, int maxMetadataChars) {

  /** What stands in for a sensitive value. */
  public static final String REDACTED = "[REDACTED]";

  /** Keys whose values are never stored (matched anywhere in the key, any case). */
  public static final String DEFAULT_SENSITIVE_KEYS =
      "password|passwd|token|secret|api[_-]?key|authorization|cookie";

  /** Largest metadata kept, in characters of its JSON form (16 KiB). */
  public static final int DEFAULT_MAX_METADATA_CHARS = 16 * 1024;

  public PrivacyPolicy {
    Objects.requireNonNull(queryText, "queryText");
    Objects.requireNonNull(sensitiveKeys, "sensitiveKeys");
    if (maxMetadataChars < 2) {
      throw new IllegalArgumentException(
          "the metadata cap must be at least 2 characters, was " + maxMetadataChars);
    }
  }

  /** Full query text, the default sensitive keys, a 16 KiB metadata cap. */
  public static PrivacyPolicy standard() {
    return of(QueryTextMode.FULL, DEFAULT_SENSITIVE_KEYS);
  }

  /** A policy with {@code mode} and a case-insensitive {@code sensitiveKeys} pattern. */
  public static PrivacyPolicy of(QueryTextMode mode, String sensitiveKeys) {
    return new PrivacyPolicy(
        mode, Pattern.compile(sensitiveKeys, Pattern.CASE_INSENSITIVE), DEFAULT_MAX_METADATA_CHARS);
  }

  /** The event as it may be stored. */
  public UsageEvent apply(UsageEvent event) {
    return review(event).event();
  }

  /** The event as it may be stored, and the adjustment when its metadata was too large. */
  public Reviewed review(UsageEvent event) {
    Map<String, Object> metadata = redact(event.requestMetadata());
    int size = JsonLength.of(metadata);
    Optional<Adjustment> adjustment = Optional.empty();
    if (size > maxMetadataChars) {
      metadata = Map.of("_truncated", true, "_original_chars", size);
      adjustment =
          Optional.of(
              new Adjustment(
                  "request_metadata",
                  size
                      + " characters of JSON replaced by a truncation marker (limit "
                      + maxMetadataChars
                      + ")"));
    }
    return new Reviewed(stored(event, metadata), adjustment);
  }

  /** An event as it may be stored, and what was changed for that beyond redaction. */
  public record Reviewed(UsageEvent event, Optional<Adjustment> adjustment) {}

  private UsageEvent stored(UsageEvent event, Map<String, Object> metadata) {
    return new UsageEvent(
        event.id(),
        event.timestamp(),
        event.serverName(),
        event.toolName(),
        event.toolCategory(),
        event.sessionId(),
        event.clientType(),
        metadata,
        event.sourceId(),
        queryText(event.queryText()),
        event.matchCount(),
        event.responseTimeMs(),
        event.success(),
        event.errorType());
  }

  private Optional<String> queryText(Optional<String> text) {
    return switch (queryText) {
      case FULL -> text;
      case NONE -> Optional.empty();
      case HASH -> text.map(PrivacyPolicy::sha256);
    };
  }

  private Map<String, Object> redact(Map<String, Object> metadata) {
    Map<String, Object> clean = new LinkedHashMap<>();
    metadata.forEach(
        (key, value) ->
            clean.put(key, sensitiveKeys.matcher(key).find() ? REDACTED : redactValue(value)));
    return clean;
  }

  @SuppressWarnings("unchecked")
  private Object redactValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return redact((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> clean = new ArrayList<>(list.size());
      list.forEach(item -> clean.add(redactValue(item)));
      return clean;
    }
    return value;
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
