package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.domain.stats.ClientUsage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code clients} — per client type: calls, sessions, error rate. */
@Command(
    name = "clients",
    mixinStandardHelpOptions = true,
    description =
        "Per client type over the last N hours: calls, distinct sessions, errors, error rate.",
    footerHeading = "%nExample:%n",
    footer = "  mcp-usage clients --hours 168")
public final class ClientsCommand implements Callable<Integer> {

  @Mixin ReportOptions report;

  @Mixin HoursOption hours;

  @Spec CommandSpec spec;

  private final QueryUsage queryUsage;

  public ClientsCommand(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  @Override
  public Integer call() throws Exception {
    List<ClientRow> clients =
        queryUsage.clients(report.period(spec, hours)).stream().map(ClientRow::from).toList();
    if (report.json) {
      ReportOptions.printJson(spec.commandLine().getOut(), clients);
      return 0;
    }
    TablePrinter table =
        new TablePrinter(List.of("client", "calls", "sessions", "errors", "error %"));
    clients.forEach(
        c ->
            table.row(
                c.clientType(),
                c.callCount(),
                c.uniqueSessions(),
                c.errorCount(),
                new TablePrinter.Decimal(c.errorRate(), 2)));
    report.print(spec, table);
    return 0;
  }

  /** One client type, as printed. */
  record ClientRow(
      String clientType, long callCount, long uniqueSessions, long errorCount, double errorRate) {
    static ClientRow from(ClientUsage client) {
      return new ClientRow(
          client.clientType(),
          client.stats().callCount(),
          client.uniqueSessions(),
          client.stats().errorCount(),
          client.stats().errorRatePercent());
    }
  }
}
