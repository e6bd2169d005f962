package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.out.CronJobsReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command: {@code schedule} — the maintenance outside {@code serve}: as pg_cron jobs in the
 * database, or as crontab lines.
 */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Schedule retention and day partitions ahead with pg_cron or cron.",
      "For when 'mcp-usage serve' does not run the maintenance: in the database with pg_cron,"
          + " or with cron. Rollups need no scheduled refresh; they are current after every"
          + " insert."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage schedule install-pg-cron",
      "  mcp-usage schedule print-crontab >> my-crontab && crontab my-crontab"
    })
public final class ScheduleCommand {

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;
  private final ProvideAccessTokens tokens;

  public ScheduleCommand(MaintainUsage maintainUsage, ProvideAccessTokens tokens) {
    this.maintainUsage = maintainUsage;
    this.tokens = tokens;
  }

  @Command(
      name = "install-pg-cron",
      mixinStandardHelpOptions = true,
      description = "Register the jobs with pg_cron (daily retention, hourly partitions ahead).")
  int installPgCron() {
    return report(maintainUsage.installCronJobs(), "Scheduled");
  }

  @Command(
      name = "remove-pg-cron",
      mixinStandardHelpOptions = true,
      description = "Remove the jobs install-pg-cron registered.")
  int removePgCron() {
    return report(maintainUsage.removeCronJobs(), "Removed");
  }

  @Command(
      name = "print-crontab",
      mixinStandardHelpOptions = true,
      description =
          "Print crontab lines running the maintenance with this CLI, or through the HTTP cron"
              + " paths with the writer token (--http).")
  int printCrontab(
      @Option(names = "--http", description = "Use curl and the running server's cron paths.")
          boolean http,
      @Option(
              names = "--url",
              paramLabel = "URL",
              defaultValue = "http://127.0.0.1:8181",
              description = "The server, with --http (default ${DEFAULT-VALUE}).")
          String url) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "# mcp-usage retention, daily; not needed while 'mcp-usage serve' runs (it does the same)."
            + " Day partitions need no job: ingest creates them on demand.");
    if (http) {
      String auth = "-H 'Authorization: Bearer " + tokens.accessTokens().writerToken() + "'";
      out.println(
          "15 3 * * * curl -fsS -X POST " + auth + " " + url + "/api/mcp-analytics/cleanup");
    } else {
      out.println(
          "15 3 * * * mcp-usage cleanup >> \"$HOME/.mcp-usage/cron.log\" 2>&1"
              + "   # add the --data-dir/--db-url you use");
    }
    return 0;
  }

  private int report(CronJobsReport report, String verb) {
    PrintWriter out = spec.commandLine().getOut();
    if (!report.available()) {
      spec.commandLine().getErr().println("mcp-usage schedule: " + report.detail());
      return 1;
    }
    out.println(verb + " " + report.jobs().size() + " job(s); " + report.detail());
    report.jobs().forEach(job -> out.println("  " + job));
    return 0;
  }
}
