package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.domain.stats.BucketStats;
import dev.mcpusage.domain.stats.ToolStats;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code tools} — per tool: calls, errors, error rate, latency percentiles, last call. */
@Command(
    name = "tools",
    mixinStandardHelpOptions = true,
    description =
        "Per tool over the last N hours: calls, errors, error rate, p50/p95/p99, last call.",
    footerHeading = "%nExamples:%n",
    footer = {"  mcp-usage tools --hours 168", "  mcp-usage tools --category rag --json"})
public final class ToolsCommand implements Callable<Integer> {

  @Mixin ReportOptions report;

  @Mixin HoursOption hours;

  @Spec CommandSpec spec;

  private final QueryUsage queryUsage;

  public ToolsCommand(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  @Override
  public Integer call() throws Exception {
    List<ToolStats> tools = queryUsage.tools(report.period(spec, hours));
    if (report.json) {
      ReportOptions.printJson(
          spec.commandLine().getOut(), tools.stream().map(ToolRow::from).toList());
      return 0;
    }
    TablePrinter table =
        new TablePrinter(
            List.of(
                "server",
                "tool",
                "category",
                "calls",
                "errors",
                "error %",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "avg ms",
                "last call (UTC)"));
    for (ToolRow row : tools.stream().map(ToolRow::from).toList()) {
      table.row(
          row.serverName(),
          row.toolName(),
          row.toolCategory(),
          row.callCount(),
          row.errorCount(),
          new TablePrinter.Decimal(row.errorRate(), 2),
          row.p50ResponseTimeMs(),
          row.p95ResponseTimeMs(),
          row.p99ResponseTimeMs(),
          new TablePrinter.Decimal(row.avgResponseTimeMs(), 1),
          row.lastCallAt());
    }
    report.print(spec, table);
    return 0;
  }

  /** One tool, as printed. */
  record ToolRow(
      String serverName,
      String toolCategory,
      String toolName,
      long callCount,
      long errorCount,
      double errorRate,
      double avgResponseTimeMs,
      int p50ResponseTimeMs,
      int p95ResponseTimeMs,
      int p99ResponseTimeMs,
      Instant lastCallAt) {

    static ToolRow from(ToolStats tool) {
      BucketStats stats = tool.stats();
      return new ToolRow(
          tool.tool().serverName(),
          tool.tool().toolCategory(),
          tool.tool().toolName(),
          stats.callCount(),
          stats.errorCount(),
          stats.errorRatePercent(),
          Math.round(stats.averageResponseTimeMs() * 100.0) / 100.0,
          stats.percentiles().p50(),
          stats.percentiles().p95(),
          stats.percentiles().p99(),
          stats.lastCallAt().orElse(null));
    }
  }
}
