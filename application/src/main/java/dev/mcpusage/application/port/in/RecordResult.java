package dev.mcpusage.application.port.in;

import java.util.List;

/**
 * Result: how many events were stored, how many were already there (same id), which were rejected
 * and why, and which were stored with a change (e.g. metadata too large) and what.
 */
public record RecordResult(
    int stored, int duplicates, List<Rejection> rejections, List<Adjusted> adjustments) {

  public RecordResult {
    rejections = List.copyOf(rejections);
    adjustments = List.copyOf(adjustments);
  }

  /** Why the event at {@code index} of the batch was not stored. */
  public record Rejection(int index, String field, String message) {}

  /** What was changed in the event at {@code index} of the batch so it could be stored. */
  public record Adjusted(int index, String field, String message) {}
}
