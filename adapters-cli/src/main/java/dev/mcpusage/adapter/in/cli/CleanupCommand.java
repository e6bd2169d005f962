package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.CleanupReport;
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command: {@code cleanup} — apply retention: drop expired day partitions, trim the boundary day.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description = {
      "Remove events older than the retention period.",
      "Whole day partitions are dropped, the day holding the cutoff is trimmed, and its rollups"
          + " rebuilt."
    },
    footerHeading = "%nExample:%n",
    footer = "  mcp-usage cleanup --retention-days 90")
public final class CleanupCommand implements Callable<Integer> {

  @Option(
      names = "--retention-days",
      paramLabel = "DAYS",
      defaultValue = "180",
      description = "Keep this many days, 1 to 3650 (default ${DEFAULT-VALUE}).")
  int retentionDays;

  @Option(names = "--dry-run", description = "Say what would be removed, remove nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;

  public CleanupCommand(MaintainUsage maintainUsage) {
    this.maintainUsage = maintainUsage;
  }

  @Override
  public Integer call() {
    if (retentionDays < RetentionPolicy.MIN_DAYS || retentionDays > RetentionPolicy.MAX_DAYS) {
      throw new ParameterException(
          spec.commandLine(),
          "--retention-days must be between "
              + RetentionPolicy.MIN_DAYS
              + " and "
              + RetentionPolicy.MAX_DAYS
              + ", was "
              + retentionDays);
    }
    RetentionPolicy policy = new RetentionPolicy(retentionDays);
    CleanupReport report =
        dryRun ? maintainUsage.previewRetention(policy) : maintainUsage.applyRetention(policy);
    PrintWriter out = spec.commandLine().getOut();
    String verb = dryRun ? "would " : "";
    out.printf(
        "cutoff %s (%s kept)%s%n",
        TablePrinter.utc(report.cutoff()) + " UTC",
        Counted.of(retentionDays, "day"),
        dryRun ? ", dry run" : "");
    out.printf(
        "%s%s %s%s%n",
        verb,
        dryRun ? "drop" : "dropped",
        Counted.of(report.droppedDays().size(), "day partition"),
        report.droppedDays().isEmpty()
            ? ""
            : ": "
                + report.droppedDays().get(0).date()
                + " .. "
                + report.droppedDays().get(report.droppedDays().size() - 1).date());
    out.printf(
        "%s%s %s%n",
        verb, dryRun ? "remove" : "removed", Counted.of(report.deletedEvents(), "event"));
    return 0;
  }
}
