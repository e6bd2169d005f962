package dev.mcpusage.adapter.in.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: the root, {@code mcp-usage}, listing every operator command. */
@Command(
    name = "mcp-usage",
    mixinStandardHelpOptions = true,
    versionProvider = McpUsageVersion.class,
    description =
        "MCP tool-usage analytics: record tool calls, keep them 180 days in PostgreSQL, answer in milliseconds.",
    subcommands = {
      ServeCommand.class,
      MigrateCommand.class,
      VerifyCommand.class,
      SummaryCommand.class,
      HourlyCommand.class,
      DailyCommand.class,
      ToolsCommand.class,
      ClientsCommand.class,
      ErrorsCommand.class,
      SourcesCommand.class,
      RefreshCommand.class,
      CleanupCommand.class,
      PartitionsCommand.class,
      TailCommand.class,
      DemoCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      RollbackCommand.class,
      ScheduleCommand.class,
      ProxyCommand.class,
      HttpProxyCommand.class,
      DbCommand.class,
      TokensCommand.class,
      CompletionCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage serve --demo        # embedded PostgreSQL, HTTP API on port 8181",
      "  mcp-usage proxy -- npx my-mcp-server   # record a stdio MCP server's calls",
      "  mcp-usage summary --hours 24  # what was used in the last 24 hours",
      "  mcp-usage verify              # the schema's self-checks",
      "  mcp-usage --db-url jdbc:postgresql://db:5432/mcp summary --json",
      "",
      "Settings: flags > environment MCP_USAGE_* > mcp-usage.properties > defaults.",
      "Exit codes: 0 success, 1 failure at run time, 2 bad usage."
    })
public final class McpUsageCommand implements Runnable {

  @Mixin GlobalOptions globalOptions;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
