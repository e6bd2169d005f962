package dev.mcpusage.adapter.in.cli;

import picocli.CommandLine.IVersionProvider;

/** The version shown by {@code --version}, from the jar's manifest. */
final class McpUsageVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = McpUsageVersion.class.getPackage().getImplementationVersion();
    return new String[] {"mcp-usage " + (version == null ? "development build" : version)};
  }
}
