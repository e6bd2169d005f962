package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.QueryUsage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code hourly} — calls, errors, latency and sessions per UTC hour and tool. */
@Command(
    name = "hourly",
    mixinStandardHelpOptions = true,
    description =
        "Per UTC hour and tool over the last N hours (1 to 168): calls, errors, sessions, latency.",
    footerHeading = "%nExample:%n",
    footer = "  mcp-usage hourly --hours 6 --category rag")
public final class HourlyCommand implements Callable<Integer> {

  @Mixin ReportOptions report;

  @Mixin HoursOption hours;

  @Spec CommandSpec spec;

  private final QueryUsage queryUsage;

  public HourlyCommand(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  @Override
  public Integer call() throws Exception {
    RollupTable.print(
        spec,
        report,
        queryUsage.hourly(report.hourly(spec, hours)),
        "hour (UTC)",
        RollupTable.HOUR);
    return 0;
  }
}
