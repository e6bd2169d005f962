package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Command: {@code refresh} — rebuild the rollups from the events (a repair; they are always
 * current).
 */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the hourly and daily rollups from the stored events.",
      "Only needed after editing events by hand: every insert keeps the rollups current."
    })
public final class RefreshCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;

  public RefreshCommand(MaintainUsage maintainUsage) {
    this.maintainUsage = maintainUsage;
  }

  @Override
  public Integer call() {
    long start = System.nanoTime();
    maintainUsage
        .rebuildRollups()
        .forEach(
            rebuild ->
                spec.commandLine()
                    .getOut()
                    .printf("%-24s %s%n", rebuild.viewName(), rebuild.status()));
    spec.commandLine().getOut().printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
