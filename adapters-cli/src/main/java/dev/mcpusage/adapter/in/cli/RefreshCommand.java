package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.domain.bucket.DayBucket;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Command: {@code refresh} — rebuild the rollups from the events, all of them or the days of a
 * window (a repair; inserts keep them current).
 */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the hourly and daily rollups from the stored events.",
      "All days, or the UTC days of --since/--until. Only needed after editing events by hand:"
          + " every insert keeps the rollups current."
    },
    footer = {
      "",
      "Examples:",
      "  mcp-usage refresh               # every day (refresh_mcp_usage_views)",
      "  mcp-usage refresh --since 7d    # the last 7 days through today",
      "  mcp-usage refresh --since 2026-11-01 --until 2026-11-03    # Nov 1 and Nov 2"
    })
public final class RefreshCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Rebuild the days from the one holding TIME: " + TimeArgument.FORMS + ".")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "With --since: rebuild up to TIME, exclusive (default now).")
  String until;

  private final MaintainUsage maintainUsage;
  private final Clock clock;

  public RefreshCommand(MaintainUsage maintainUsage, Clock clock) {
    this.maintainUsage = maintainUsage;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    if (since == null) {
      if (until != null) {
        throw new ParameterException(spec.commandLine(), "--until needs --since");
      }
      maintainUsage
          .rebuildRollups()
          .forEach(rebuild -> out.printf("%-24s %s%n", rebuild.viewName(), rebuild.status()));
    } else {
      Instant now = clock.instant();
      Instant from = TimeArgument.require(spec, "--since", since, now);
      Instant to = until == null ? now : TimeArgument.require(spec, "--until", until, now);
      if (!from.isBefore(to)) {
        throw new ParameterException(
            spec.commandLine(), "--since (" + from + ") must be before --until (" + to + ")");
      }
      DayBucket first = DayBucket.of(from);
      DayBucket last = DayBucket.of(to.minus(1, ChronoUnit.NANOS));
      long events = maintainUsage.rebuildRollups(first, last);
      out.printf(
          "rebuilt the rollups of %s .. %s (%s) from %s%n",
          first.date(),
          last.date(),
          Counted.of(ChronoUnit.DAYS.between(first.date(), last.date()) + 1, "day"),
          Counted.of(events, "event"));
    }
    out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
