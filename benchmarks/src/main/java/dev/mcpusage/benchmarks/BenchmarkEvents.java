package dev.mcpusage.benchmarks;

import dev.mcpusage.domain.event.UsageEvent;
import java.time.Instant;

/** Benchmark data: a typical successful knowledge-base search, the shape most calls have. */
final class BenchmarkEvents {

  private BenchmarkEvents() {}

  /** A 42 ms search of {@code docs} by claude-code in {@code session}, now, with a fresh id. */
  static UsageEvent searchCall(String session) {
    return UsageEvent.builder()
        .timestamp(Instant.now())
        .serverName("bench")
        .toolName("rag_search_knowledge_base")
        .toolCategory("rag")
        .sessionId(session)
        .clientType("claude-code")
        .sourceId("docs")
        .queryText("how to paginate results")
        .matchCount(7)
        .responseTimeMs(42)
        .build();
  }
}
