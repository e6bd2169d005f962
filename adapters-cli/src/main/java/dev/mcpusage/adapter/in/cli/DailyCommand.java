package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.domain.window.TimeWindow;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command: {@code daily} — calls, errors, latency and sessions per UTC day and tool. */
@Command(
    name = "daily",
    mixinStandardHelpOptions = true,
    description =
        "Per UTC day and tool over the last N days (1 to 180): calls, errors, sessions, latency.",
    footerHeading = "%nExample:%n",
    footer = "  mcp-usage daily --days 30 --tool find_tasks --json")
public final class DailyCommand implements Callable<Integer> {

  @Mixin ReportOptions report;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "7",
      description = "Today (UTC) and the N-1 days before it, 1 to 180 (default ${DEFAULT-VALUE}).")
  int days;

  @Spec CommandSpec spec;

  private final QueryUsage queryUsage;

  public DailyCommand(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  @Override
  public Integer call() throws Exception {
    if (!TimeWindow.isValidDays(days)) {
      throw new ParameterException(
          spec.commandLine(),
          "--days must be between 1 and " + TimeWindow.MAX_DAYS + ", was " + days);
    }
    RollupTable.print(
        spec, report, queryUsage.daily(report.daily(spec, days)), "day (UTC)", RollupTable.DAY);
    return 0;
  }
}
