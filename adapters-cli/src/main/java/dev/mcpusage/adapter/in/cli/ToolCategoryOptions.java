package dev.mcpusage.adapter.in.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Mixin: how the proxies name the category of a recorded tool. */
final class ToolCategoryOptions {

  @Option(
      names = "--category-map",
      paramLabel = "FILE",
      description = "File of tool=category lines (globs like rag_*=rag allowed).")
  Path categoryMap;

  @Option(
      names = "--default-category",
      paramLabel = "CATEGORY",
      defaultValue = "uncategorized",
      description = "Category of tools the map does not name (default ${DEFAULT-VALUE}).")
  String defaultCategory;

  /** The map, after checking it can be read. */
  Optional<Path> readableMap(CommandSpec spec) {
    return Optional.ofNullable(categoryMap)
        .map(map -> FileArguments.requireReadable(spec, "--category-map: ", map));
  }
}
