package dev.mcpusage.domain.stats;

import java.util.Objects;

/** Value: how often one knowledge source ({@code source_id}) was searched in a window. */
public record SourceUsage(String sourceId, long calls, long errors) {

  public SourceUsage {
    Objects.requireNonNull(sourceId, "sourceId");
    if (calls < 0 || errors < 0 || errors > calls) {
      throw new IllegalArgumentException(
          "need 0 <= errors <= calls, got " + errors + " / " + calls);
    }
  }
}
