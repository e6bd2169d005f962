package dev.mcpusage.application.port.in;

import java.util.List;

/**
 * Result: how many events were stored, how many were already there (same id), and which were
 * rejected and why.
 */
public record RecordResult(int stored, int duplicates, List<Rejection> rejections) {

  public RecordResult {
    rejections = List.copyOf(rejections);
  }

  /** Why the event at {@code index} of the batch was not stored. */
  public record Rejection(int index, String field, String message) {}
}
