package dev.mcpusage.domain.stats;

import java.util.Objects;
import java.util.Optional;

/** Value: optional restrictions of a usage query to one server, category, tool or client. */
public record UsageFilter(
    Optional<String> serverName,
    Optional<String> toolCategory,
    Optional<String> toolName,
    Optional<String> clientType) {

  /** The filter that keeps everything. */
  public static final UsageFilter NONE =
      new UsageFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public UsageFilter {
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(toolCategory, "toolCategory");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(clientType, "clientType");
  }

  /** True when {@code server/category/tool/client} pass every restriction. */
  public boolean matches(String server, String category, String tool, Optional<String> client) {
    return serverName.map(server::equals).orElse(true)
        && toolCategory.map(category::equals).orElse(true)
        && toolName.map(tool::equals).orElse(true)
        && clientType.map(c -> client.map(c::equals).orElse(false)).orElse(true);
  }
}
