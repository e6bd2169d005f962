package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.domain.stats.UsageFilter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Mixin: the server, category, tool and client filters of the reports and of {@code tail}. */
public final class FilterOptions {

  @Option(names = "--category", paramLabel = "NAME", description = "Only this tool category.")
  String category;

  @Option(names = "--tool", paramLabel = "NAME", description = "Only this tool.")
  String tool;

  @Option(names = "--server", paramLabel = "NAME", description = "Only this MCP server.")
  String server;

  @Option(names = "--client", paramLabel = "NAME", description = "Only this client type.")
  String client;

  /** The filter the options name; no option keeps everything. */
  UsageFilter filter() {
    return new UsageFilter(
        Optional.ofNullable(server),
        Optional.ofNullable(category),
        Optional.ofNullable(tool),
        Optional.ofNullable(client));
  }
}
