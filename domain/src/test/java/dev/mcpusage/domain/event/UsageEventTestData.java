package dev.mcpusage.domain.event;

import java.time.Instant;

/** Test data: builders of valid usage events with sensible defaults, shared via the test-jar. */
public final class UsageEventTestData {

  /** A fixed instant tests can reason about: 2026-03-10T12:30:00Z. */
  public static final Instant T0 = Instant.parse("2026-03-10T12:30:00Z");

  private UsageEventTestData() {}

  /** A successful 42 ms call of {@code rag_search} (category {@code rag}) at {@link #T0}. */
  public static UsageEvent.Builder anEvent() {
    return UsageEvent.builder()
        .timestamp(T0)
        .toolName("rag_search")
        .toolCategory("rag")
        .sessionId("session-1")
        .clientType("claude-code")
        .responseTimeMs(42)
        .success(true);
  }
}
