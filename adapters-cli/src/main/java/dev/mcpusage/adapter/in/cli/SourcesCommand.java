package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.TopSourcesQuery;
import dev.mcpusage.domain.stats.SourceUsage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command: {@code sources} — the most searched knowledge sources ({@code source_id}). */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "The most searched knowledge sources (source_id) over the last N hours.",
    footerHeading = "%nExample:%n",
    footer = "  mcp-usage sources --hours 168 --limit 20")
public final class SourcesCommand implements Callable<Integer> {

  @Mixin ReportOptions report;

  @Mixin HoursOption hours;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many sources, 1 to 100 (default ${DEFAULT-VALUE}).")
  int limit;

  @Spec CommandSpec spec;

  private final QueryUsage queryUsage;

  public SourcesCommand(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  @Override
  public Integer call() throws Exception {
    if (!TopSourcesQuery.isValidLimit(limit)) {
      throw new ParameterException(
          spec.commandLine(),
          "--limit must be between 1 and " + TopSourcesQuery.MAX_LIMIT + ", was " + limit);
    }
    List<SourceUsage> sources =
        queryUsage.topSources(new TopSourcesQuery(report.period(spec, hours), limit));
    if (report.json) {
      ReportOptions.printJson(
          spec.commandLine().getOut(),
          sources.stream().map(s -> new SourceRow(s.sourceId(), s.calls(), s.errors())).toList());
      return 0;
    }
    TablePrinter table = new TablePrinter(List.of("source", "calls", "errors"));
    sources.forEach(s -> table.row(s.sourceId(), s.calls(), s.errors()));
    report.print(spec, table);
    return 0;
  }

  /** One source, as printed (the HTTP API's field names). */
  record SourceRow(String sourceId, long callCount, long errorCount) {}
}
