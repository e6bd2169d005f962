package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.VerificationCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code verify} — the seed's schema checks and the rollup status, pass or fail. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Run the schema's self-checks; exits 1 when any fails.",
    footer = {
      "",
      "Checks: the events table exists (with its row count), a test insert (rolled back), the"
          + " computed UTC buckets and the rollup it feeds, the seed's views and summary function,"
          + " and whether the rollups are current (the working replacement of the seed's"
          + " materialized-view status query)."
    })
public final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;

  public VerifyCommand(MaintainUsage maintainUsage) {
    this.maintainUsage = maintainUsage;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<VerificationCheck> checks = maintainUsage.verify();
    for (VerificationCheck check : checks) {
      out.printf("%s  %-17s %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
    }
    long failed = checks.stream().filter(check -> !check.passed()).count();
    out.println(
        failed == 0
            ? "All " + checks.size() + " checks passed."
            : failed + " of " + checks.size() + " checks failed.");
    return failed == 0 ? 0 : CliExceptionHandler.FAILURE;
  }
}
