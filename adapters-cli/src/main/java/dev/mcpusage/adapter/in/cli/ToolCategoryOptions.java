package dev.mcpusage.adapter.in.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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
    if (categoryMap != null && !Files.isReadable(categoryMap)) {
      throw new ParameterException(
          spec.commandLine(), "--category-map: cannot read " + categoryMap.toAbsolutePath());
    }
    return Optional.ofNullable(categoryMap);
  }
}
