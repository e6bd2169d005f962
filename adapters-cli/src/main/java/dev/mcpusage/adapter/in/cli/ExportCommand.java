package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.ExportQuery;
import dev.mcpusage.application.port.in.ExportUsage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command: {@code export} — the raw events of a period as CSV or JSON Lines, streamed. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the raw events of a period as CSV or JSON Lines.",
      "Oldest first, the seed's columns, so 'mcp-usage import' or any tool can read them back. Streams in constant memory; a file is written under a temporary name and renamed when complete. Progress on a terminal."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage export --since 7d --out last-week.jsonl",
      "  mcp-usage export --since 2026-01-01 --until 2026-02-01 --format csv \\",
      "      --out january.csv",
      "  mcp-usage export --since 24h | gzip > today.jsonl.gz"
    })
public final class ExportCommand implements Callable<Integer> {

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      defaultValue = "180d",
      description = "Start, inclusive: " + TimeArgument.FORMS + " (default ${DEFAULT-VALUE}).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "WHEN",
      defaultValue = "now",
      description = "End, exclusive: the same forms (default ${DEFAULT-VALUE}).")
  String until;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv or jsonl (default: from the --out file name, else jsonl).")
  EventFileFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "-",
      description = "File to write, or - for stdout (default ${DEFAULT-VALUE}).")
  String out;

  @Spec CommandSpec spec;

  private final ExportUsage exportUsage;
  private final Clock clock;

  public ExportCommand(ExportUsage exportUsage, Clock clock) {
    this.exportUsage = exportUsage;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    Instant now = clock.instant();
    Instant from = TimeArgument.require(spec, "--since", since, now);
    Instant to = TimeArgument.require(spec, "--until", until, now);
    if (!from.isBefore(to)) {
      throw new ParameterException(
          spec.commandLine(), "--since (" + from + ") must be before --until (" + to + ")");
    }
    boolean toStdout = out.equals("-");
    if (!toStdout) {
      FileArguments.requireWritable(spec, "--out: ", Path.of(out));
    }
    EventFileFormat chosen =
        format != null ? format : EventFileFormat.ofFileName(out).orElse(EventFileFormat.JSONL);
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, "exporting", -1, !toStdout && Progress.onTerminal());
    long start = System.nanoTime();
    long count;
    if (toStdout) {
      PrintWriter stdout = spec.commandLine().getOut();
      count = write(stdout, chosen, new ExportQuery(from, to), progress);
      stdout.flush();
    } else {
      Path target = Path.of(out).toAbsolutePath();
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      try (Writer file =
          new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
        count = write(file, chosen, new ExportQuery(from, to), progress);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    progress.finish(count, 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter summary = toStdout ? err : spec.commandLine().getOut();
    summary.printf(
        "Exported %,d events from %s until %s%s as %s in %.1f s%n",
        count,
        from,
        to,
        toStdout ? "" : " into " + out,
        chosen.name().toLowerCase(java.util.Locale.ROOT),
        seconds);
    summary.flush();
    return 0;
  }

  private long write(Writer target, EventFileFormat chosen, ExportQuery query, Progress progress) {
    StoredEventWriter writer = new StoredEventWriter(target, chosen);
    writer.begin();
    long[] written = {0};
    return exportUsage.export(
        query,
        event -> {
          writer.write(event);
          progress.update(++written[0], 0);
        });
  }
}
