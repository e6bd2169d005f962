package dev.mcpusage.domain.stats;

import java.util.Objects;

/** Value: which tool — server, category and name — a row of statistics is about. */
public record ToolKey(String serverName, String toolCategory, String toolName) {

  public ToolKey {
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(toolCategory, "toolCategory");
    Objects.requireNonNull(toolName, "toolName");
  }
}
