package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.RollbackReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command: {@code rollback --yes} — remove everything the migrations created, data included. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the schema and its data (only with --yes).",
      "What goes: the events table and its partitions, the rollups, views, functions and roles"
          + " the migrations created, their Flyway history and the seed's archon_migrations row"
          + " (the seed's rollback, adapted). Without --yes it only lists what would go and"
          + " refuses."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage rollback                 # what would be removed (exit 2)",
      "  mcp-usage export --out all.jsonl && mcp-usage rollback --yes"
    })
public final class RollbackCommand implements Callable<Integer> {

  @Option(names = "--yes", description = "Really remove it all.")
  boolean yes;

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;

  public RollbackCommand(MaintainUsage maintainUsage) {
    this.maintainUsage = maintainUsage;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String store = maintainUsage.describeStore(false).connectionUrl();
    RollbackReport report = maintainUsage.rollback(yes);
    out.printf(
        "%s from %s (%,d events):%n",
        report.done() ? "Removed" : "Would remove", store, report.events());
    report.objects().forEach(object -> out.println("  " + object));
    out.flush();
    if (!report.done()) {
      throw new ParameterException(
          spec.commandLine(), "refusing to remove anything without --yes (nothing was changed)");
    }
    out.println(
        "Done. 'mcp-usage migrate' creates the schema again (so does any command, unless"
            + " MCP_USAGE_AUTO_MIGRATE=false).");
    return 0;
  }
}
