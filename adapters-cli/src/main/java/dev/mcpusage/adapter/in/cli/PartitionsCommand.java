package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.PartitionInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Command: {@code partitions} — the day partitions of the events, with rows and size. */
@Command(
    name = "partitions",
    mixinStandardHelpOptions = true,
    description = "List the event partitions (one per UTC day): events and size on disk.")
public final class PartitionsCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;

  public PartitionsCommand(MaintainUsage maintainUsage) {
    this.maintainUsage = maintainUsage;
  }

  @Override
  public Integer call() throws Exception {
    List<PartitionInfo> partitions = maintainUsage.partitions();
    if (json) {
      ReportOptions.printJson(
          spec.commandLine().getOut(),
          partitions.stream()
              .map(p -> new Row(p.day().date().toString(), p.events(), p.bytes()))
              .toList());
      return 0;
    }
    TablePrinter table =
        new TablePrinter(List.of("day (UTC)", "events", "size (MB)"), "(no day partitions yet)");
    partitions.forEach(
        p ->
            table.row(
                p.day().date().toString(),
                p.events(),
                new TablePrinter.Decimal(p.bytes() / 1_048_576.0, 1)));
    table.print(spec.commandLine().getOut());
    spec.commandLine()
        .getOut()
        .printf(
            "%s, %s, %s%n",
            Counted.of(partitions.size(), "partition"),
            Counted.of(partitions.stream().mapToLong(PartitionInfo::events).sum(), "event"),
            megabytes(partitions.stream().mapToLong(PartitionInfo::bytes).sum()));
    return 0;
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1_048_576.0);
  }

  /** One partition, as printed. */
  record Row(String day, long events, long bytes) {}
}
