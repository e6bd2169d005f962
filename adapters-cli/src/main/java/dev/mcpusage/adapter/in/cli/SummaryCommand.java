package dev.mcpusage.adapter.in.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.domain.stats.UsageSummary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code summary} — the seed's usage summary of the last hours, as a table or JSON. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Calls, failures, sessions, latency and the most used tool of the last N hours.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage summary",
      "  mcp-usage summary --hours 168 --json",
      "  mcp-usage summary --server archon --category rag --csv"
    })
public final class SummaryCommand implements Callable<Integer> {

  @Mixin ReportOptions report;

  @Mixin HoursOption hours;

  @Spec CommandSpec spec;

  private final QueryUsage queryUsage;
  private PeriodQuery period;

  public SummaryCommand(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    period = report.period(spec, hours);
    UsageSummary summary = queryUsage.summary(period);
    PrintWriter out = spec.commandLine().getOut();
    if (report.json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(asJson(summary)));
    } else if (report.csv) {
      Map<String, Object> fields = asJson(summary);
      TablePrinter table = new TablePrinter(List.copyOf(fields.keySet()));
      table.row(fields.values().stream().map(v -> v == null ? "" : v).toArray());
      table.printCsv(out);
    } else {
      printTable(out, summary);
    }
    return 0;
  }

  private Map<String, Object> asJson(UsageSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time_range_hours", period.hours());
    json.put("total_calls", summary.totalCalls());
    json.put("successful_calls", summary.successfulCalls());
    json.put("failed_calls", summary.failedCalls());
    json.put("success_rate", summary.successRate());
    json.put("unique_sessions", summary.uniqueSessions());
    json.put("avg_response_time_ms", summary.averageResponseTimeMs());
    json.put("most_used_tool", summary.mostUsedTool().orElse(null));
    json.put("most_used_category", summary.mostUsedCategory().orElse(null));
    json.put("p50_response_time_ms", summary.percentiles().p50());
    json.put("p95_response_time_ms", summary.percentiles().p95());
    json.put("p99_response_time_ms", summary.percentiles().p99());
    return json;
  }

  private void printTable(PrintWriter out, UsageSummary summary) {
    String hours = Counted.of(period.hours(), "hour");
    out.println(
        period
            .window()
            .map(
                w ->
                    String.format(
                        "Usage from %s until %s UTC (%s)",
                        TablePrinter.utc(w.from()), TablePrinter.utc(w.to()), hours))
            .orElse("Usage in the last " + hours));
    row(out, "Total calls", String.format("%,d", summary.totalCalls()));
    row(out, "Successful", String.format("%,d", summary.successfulCalls()));
    row(out, "Failed", String.format("%,d", summary.failedCalls()));
    // without a call there is no rate or latency, only the dash the most-used rows show
    boolean any = summary.totalCalls() > 0;
    row(out, "Success rate", any ? String.format("%.2f %%", summary.successRate()) : "-");
    row(out, "Unique sessions", String.format("%,d", summary.uniqueSessions()));
    row(
        out,
        "Avg response time",
        any ? String.format("%,.2f ms", summary.averageResponseTimeMs()) : "-");
    row(
        out,
        "p50 / p95 / p99",
        any
            ? String.format(
                "%,d / %,d / %,d ms",
                summary.percentiles().p50(),
                summary.percentiles().p95(),
                summary.percentiles().p99())
            : "-");
    row(out, "Most used tool", summary.mostUsedTool().orElse("-"));
    row(out, "Most used category", summary.mostUsedCategory().orElse("-"));
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf("  %-20s %s%n", label, value);
  }
}
