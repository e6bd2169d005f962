package dev.mcpusage.application.port.out;

import java.util.List;

/**
 * Report: what removing the schema takes away — each object (e.g. {@code table
 * archon_mcp_usage_events}) and the events stored — and whether it was done or only previewed.
 */
public record RollbackReport(List<String> objects, long events, boolean done) {

  public RollbackReport {
    objects = List.copyOf(objects);
  }
}
