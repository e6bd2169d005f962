package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.stats.SourceUsage;

/** Response: one knowledge source and how often it was searched. */
record SourceResponse(String sourceId, long callCount, long errorCount) {

  static SourceResponse from(SourceUsage source) {
    return new SourceResponse(source.sourceId(), source.calls(), source.errors());
  }
}
