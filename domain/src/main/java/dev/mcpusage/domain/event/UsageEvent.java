package dev.mcpusage.domain.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Value: one call of one MCP tool, normalized and checked against the seed's column rules.
 *
 * <p>Build it with {@link #builder()}; the compact constructor enforces every invariant.
 */
public record UsageEvent(
    UUID id,
    Instant timestamp,
    String serverName,
    String toolName,
    String toolCategory,
    Optional<String> sessionId,
    Optional<String> clientType,
    Map<String, Object> requestMetadata,
    Optional<String> sourceId,
    Optional<String> queryText,
    Optional<Integer> matchCount,
    int responseTimeMs,
    boolean success,
    Optional<String> errorType) {

  /** The seed's limit on {@code query_text}; longer text is cut, not rejected. */
  public static final int MAX_QUERY_TEXT_LENGTH = 500;

  /**
   * Longest accepted name or identifier (tool, category, server, session, client, source, error
   * type).
   */
  public static final int MAX_NAME_LENGTH = 255;

  /** Why a text was changed when it held a NUL character. */
  static final String NUL_REPLACED = "U+0000 replaced by U+FFFD (PostgreSQL cannot store it)";

  /** Server name used when the caller names none (the column default). */
  public static final String DEFAULT_SERVER_NAME = "default";

  public UsageEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    FieldProblems problems = new FieldProblems();
    serverName = requiredName(problems, "server_name", serverName);
    toolName = requiredName(problems, "tool_name", toolName);
    toolCategory = requiredName(problems, "tool_category", toolCategory);
    sessionId = optionalName(problems, "session_id", sessionId);
    clientType = optionalName(problems, "client_type", clientType);
    sourceId = optionalName(problems, "source_id", sourceId);
    errorType = optionalName(problems, "error_type", errorType);
    queryText = Objects.requireNonNull(queryText, "query_text").map(UsageEvent::cutQueryText);
    Objects.requireNonNull(matchCount, "match_count");
    if (matchCount.isPresent() && matchCount.get() < 0) {
      problems.add("match_count", "must be >= 0, was " + matchCount.get());
    }
    if (responseTimeMs < 0) {
      problems.add("response_time_ms", "must be >= 0, was " + responseTimeMs);
    }
    problems.throwIfAny();
    requestMetadata =
        Collections.unmodifiableMap(
            StorableText.of(Objects.requireNonNull(requestMetadata, "request_metadata")));
  }

  /** Starts a builder with a random id and an empty metadata map. */
  public static Builder builder() {
    return new Builder();
  }

  private static String requiredName(FieldProblems problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field, "is required and must not be blank");
      return value;
    }
    return checkedName(problems, field, value);
  }

  private static Optional<String> optionalName(
      FieldProblems problems, String field, Optional<String> value) {
    return Objects.requireNonNull(value, field)
        .filter(v -> !v.isBlank())
        .map(v -> checkedName(problems, field, v));
  }

  private static String checkedName(FieldProblems problems, String field, String value) {
    String cleaned = StorableText.of(value.strip());
    if (cleaned.length() > MAX_NAME_LENGTH) {
      problems.add(
          field, "must be at most " + MAX_NAME_LENGTH + " characters, was " + cleaned.length());
    }
    return cleaned;
  }

  private static String cutQueryText(String text) {
    String cleaned = StorableText.of(text);
    if (cleaned.length() <= MAX_QUERY_TEXT_LENGTH) {
      return cleaned;
    }
    int end = MAX_QUERY_TEXT_LENGTH;
    // never split a surrogate pair: half a character is not storable text
    if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
      end--;
    }
    return cleaned.substring(0, end);
  }

  /** Fluent builder; optional fields default to absent, the server name to {@code default}. */
  public static final class Builder {
    private UUID id;
    private boolean idGiven;
    private Instant timestamp;
    private String serverName = DEFAULT_SERVER_NAME;
    private String toolName;
    private String toolCategory;
    private String sessionId;
    private String clientType;
    private Map<String, Object> requestMetadata = Map.of();
    private String sourceId;
    private String queryText;
    private Integer matchCount;
    private int responseTimeMs;
    private boolean success = true;
    private String errorType;

    private Builder() {}

    /**
     * What {@link #build()} changes in the values given, so the caller can report it: U+0000
     * replaced in any text, {@code query_text} cut to {@value #MAX_QUERY_TEXT_LENGTH} characters.
     */
    public List<Adjustment> adjustments() {
      // runs on the caller's thread for every tracked call: allocate only when there is news
      List<Adjustment> adjustments = null;
      String[] fields = {
        "server_name", "tool_name", "tool_category", "session_id",
        "client_type", "source_id", "query_text", "error_type"
      };
      String[] texts = {
        serverName, toolName, toolCategory, sessionId, clientType, sourceId, queryText, errorType
      };
      for (int i = 0; i < texts.length; i++) {
        if (StorableText.needsReplacement(texts[i])) {
          adjustments = add(adjustments, new Adjustment(fields[i], NUL_REPLACED));
        }
      }
      if (requestMetadata != null && StorableText.needsReplacement(requestMetadata)) {
        adjustments = add(adjustments, new Adjustment("request_metadata", NUL_REPLACED));
      }
      if (queryText != null && queryText.length() > MAX_QUERY_TEXT_LENGTH) {
        adjustments =
            add(
                adjustments,
                new Adjustment(
                    "query_text",
                    queryText.length()
                        + " characters cut to "
                        + MAX_QUERY_TEXT_LENGTH
                        + " (the column's limit)"));
      }
      return adjustments == null ? List.of() : adjustments;
    }

    private static List<Adjustment> add(List<Adjustment> list, Adjustment adjustment) {
      List<Adjustment> into = list == null ? new ArrayList<>(2) : list;
      into.add(adjustment);
      return into;
    }

    /** The event's id; without one, {@link #build()} makes a time-ordered id ({@link EventIds}). */
    public Builder id(UUID id) {
      this.id = id;
      this.idGiven = true;
      return this;
    }

    public Builder timestamp(Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    public Builder serverName(String serverName) {
      this.serverName = serverName;
      return this;
    }

    public Builder toolName(String toolName) {
      this.toolName = toolName;
      return this;
    }

    public Builder toolCategory(String toolCategory) {
      this.toolCategory = toolCategory;
      return this;
    }

    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    public Builder clientType(String clientType) {
      this.clientType = clientType;
      return this;
    }

    public Builder requestMetadata(Map<String, Object> requestMetadata) {
      this.requestMetadata = requestMetadata;
      return this;
    }

    public Builder sourceId(String sourceId) {
      this.sourceId = sourceId;
      return this;
    }

    public Builder queryText(String queryText) {
      this.queryText = queryText;
      return this;
    }

    public Builder matchCount(Integer matchCount) {
      this.matchCount = matchCount;
      return this;
    }

    public Builder responseTimeMs(int responseTimeMs) {
      this.responseTimeMs = responseTimeMs;
      return this;
    }

    public Builder success(boolean success) {
      this.success = success;
      return this;
    }

    public Builder errorType(String errorType) {
      this.errorType = errorType;
      return this;
    }

    /** Builds the event, enforcing every invariant of {@link UsageEvent}. */
    public UsageEvent build() {
      if (timestamp == null) {
        throw new InvalidUsageEventException("timestamp", "is required");
      }
      return new UsageEvent(
          idGiven ? id : EventIds.timeOrdered(timestamp),
          timestamp,
          serverName == null ? DEFAULT_SERVER_NAME : serverName,
          toolName,
          toolCategory,
          Optional.ofNullable(sessionId),
          Optional.ofNullable(clientType),
          requestMetadata == null ? Map.of() : requestMetadata,
          Optional.ofNullable(sourceId),
          Optional.ofNullable(queryText),
          Optional.ofNullable(matchCount),
          responseTimeMs,
          success,
          Optional.ofNullable(errorType));
    }
  }
}
