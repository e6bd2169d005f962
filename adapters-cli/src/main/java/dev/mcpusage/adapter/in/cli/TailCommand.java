package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.ExportQuery;
import dev.mcpusage.application.port.in.ExportUsage;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.application.port.out.StoredEvent;
import dev.mcpusage.domain.stats.UsageFilter;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command: {@code tail} — the calls being recorded, one line each, as they are stored. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Print calls as they are recorded, one line each, until Ctrl+C.",
      "First the calls since --since (the last minute by default), then each new one within about a second of being stored. A call stored more than 10 s after its own time (a journal replayed after an outage, a client clock far behind) is not shown; 'mcp-usage export' has every call."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage tail                         # every server, every tool",
      "  mcp-usage tail --server archon --errors",
      "  mcp-usage tail --since 1h --no-follow  # the last hour's calls, then exit",
      "  mcp-usage tail --jsonl | jq .tool_name"
    })
public final class TailCommand implements Callable<Integer> {

  /** How long after its own time a call may be stored and still be shown. */
  static final Duration LATE = Duration.ofSeconds(10);

  /** How far ahead of this clock a client's clock may run. */
  private static final Duration AHEAD = Duration.ofMinutes(1);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      defaultValue = "1m",
      description = "Show the calls from then on: " + TimeArgument.FORMS + " (default 1m).")
  String since;

  @Mixin FilterOptions filters;

  @Option(names = "--errors", description = "Only failed calls.")
  boolean errorsOnly;

  @Option(names = "--no-follow", description = "Print the calls since --since, then exit.")
  boolean noFollow;

  @Option(
      names = "--jsonl",
      description = "Print each call as a JSON line with every column (the export's format).")
  boolean jsonl;

  @Option(
      names = "--poll-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      hidden = true,
      description = "How often to look for new calls.")
  int pollMillis;

  @Spec CommandSpec spec;

  private final ExportUsage exportUsage;
  private final Clock clock;

  public TailCommand(ExportUsage exportUsage, Clock clock) {
    this.exportUsage = exportUsage;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (pollMillis < 10 || pollMillis > 60_000) {
      throw new ParameterException(
          spec.commandLine(), "--poll-ms must be between 10 and 60000, was " + pollMillis);
    }
    Instant now = clock.instant();
    Instant scanFrom = TimeArgument.require(spec, "--since", since, now);
    if (scanFrom.isAfter(now)) {
      throw new ParameterException(
          spec.commandLine(), "--since must not be in the future, was " + scanFrom);
    }
    UsageFilter filter = filters.filter();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StoredEventWriter json = new StoredEventWriter(out, EventFileFormat.JSONL);
    if (!noFollow) {
      err.println(
          "mcp-usage tail: calls from " + TIME.format(scanFrom) + " UTC on; Ctrl+C to stop");
      err.flush();
    }
    // ids already printed whose time is still inside the window the next look covers again
    Set<String> shown = new HashSet<>();
    boolean failing = false;
    while (true) {
      Instant lookedAt = clock.instant();
      Instant nextFrom = latest(scanFrom, lookedAt.minus(LATE));
      Set<String> stillCovered = new HashSet<>();
      Set<String> printed = new HashSet<>();
      try {
        exportUsage.export(
            new ExportQuery(scanFrom, lookedAt.plus(AHEAD)),
            event -> {
              if (!event.timestamp().isBefore(nextFrom)) {
                stillCovered.add(event.id());
              }
              if (!shown.contains(event.id()) && wanted(event, filter)) {
                printed.add(event.id());
                if (jsonl) {
                  json.write(event);
                } else {
                  out.println(line(event));
                }
              }
            });
        out.flush();
        failing = false;
      } catch (StoreUnavailableException e) {
        if (noFollow) {
          throw e;
        }
        // the same window is read again: what was printed before the failure stays printed
        shown.addAll(printed);
        if (!failing) {
          err.println("mcp-usage tail: " + e.getMessage() + "; trying again every second");
          err.flush();
        }
        failing = true;
        Thread.sleep(pollMillis);
        continue;
      }
      if (noFollow) {
        return 0;
      }
      shown.clear();
      shown.addAll(stillCovered);
      scanFrom = nextFrom;
      Thread.sleep(pollMillis);
    }
  }

  private boolean wanted(StoredEvent event, UsageFilter filter) {
    return (!errorsOnly || !event.success())
        && filter.matches(
            event.serverName(), event.toolCategory(), event.toolName(), event.clientType());
  }

  /** time, server, client, session, tool (category), duration, ok or the error type. */
  static String line(StoredEvent event) {
    return String.format(
        "%s  %-16s  %-14s  %-36s  %-36s %,7d ms  %s",
        TIME.format(event.timestamp()),
        event.serverName(),
        event.clientType().orElse("-"),
        event.sessionId().orElse("-"),
        event.toolName() + " (" + event.toolCategory() + ")",
        event.responseTimeMs(),
        event.success() ? "ok" : event.errorType().orElse("error"));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
