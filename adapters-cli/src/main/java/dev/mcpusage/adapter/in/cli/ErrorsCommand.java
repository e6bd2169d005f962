package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.domain.stats.ErrorCount;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code errors} — failures per tool and error type. */
@Command(
    name = "errors",
    mixinStandardHelpOptions = true,
    description =
        "Failed calls per tool and error type over the last N hours, most frequent first.",
    footerHeading = "%nExample:%n",
    footer = "  mcp-usage errors --hours 24 --tool rag_search_knowledge_base")
public final class ErrorsCommand implements Callable<Integer> {

  @Mixin ReportOptions report;

  @Mixin HoursOption hours;

  @Spec CommandSpec spec;

  private final QueryUsage queryUsage;

  public ErrorsCommand(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  @Override
  public Integer call() throws Exception {
    List<ErrorRow> errors =
        queryUsage.errors(report.period(spec, hours)).stream().map(ErrorRow::from).toList();
    if (report.json) {
      ReportOptions.printJson(spec.commandLine().getOut(), errors);
      return 0;
    }
    TablePrinter table =
        new TablePrinter(
            List.of("server", "tool", "category", "error type", "failures", "last seen (UTC)"));
    errors.forEach(
        e ->
            table.row(
                e.serverName(),
                e.toolName(),
                e.toolCategory(),
                e.errorType(),
                e.errorCount(),
                e.lastSeenAt()));
    report.print(spec, table);
    return 0;
  }

  /** One tool and error type, as printed. */
  record ErrorRow(
      String serverName,
      String toolCategory,
      String toolName,
      String errorType,
      long errorCount,
      Instant lastSeenAt) {
    static ErrorRow from(ErrorCount error) {
      return new ErrorRow(
          error.tool().serverName(),
          error.tool().toolCategory(),
          error.tool().toolName(),
          error.errorType(),
          error.count(),
          error.lastSeenAt());
    }
  }
}
