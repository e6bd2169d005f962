package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.DemoLoadCommand;
import dev.mcpusage.application.port.in.LoadDemoUsage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command: {@code demo} — real MCP clients call the built-in demo server; every call is stored. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run live demo MCP traffic, or load synthetic history with --events.",
      "Live: four MCP clients (the SDK's client, named claude-code, cursor, windsurf and claude-desktop) call the built-in demo server's 14 tools over the MCP protocol; each call is recorded like a real one (server_name mcp-usage-demo).",
      "With --events N: N seed-shaped events over the last --days days, loaded at once with COPY."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage demo --calls 200                 # 200 calls, then exit",
      "  mcp-usage demo                             # until Ctrl+C",
      "  mcp-usage demo --pause-ms 50 --calls 5000  # faster",
      "  mcp-usage demo --events 1000000 --days 30  # a month of history, by COPY"
    })
public final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--calls",
      paramLabel = "N",
      description = "Calls in all, then exit (default 0: until stopped).")
  long calls;

  @Option(
      names = "--pause-ms",
      paramLabel = "MS",
      defaultValue = "300",
      description = "Mean pause of each client between calls, 1..60000 (default ${DEFAULT-VALUE}).")
  int pauseMs;

  @Option(
      names = "--events",
      paramLabel = "N",
      description =
          "Instead of live calls, load N synthetic seed-shaped events at once (COPY), 1.."
              + DemoLoadCommand.MAX_EVENTS
              + ".")
  Long events;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "1",
      description =
          "With --events: spread them over the last D days, 1..180 (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description =
          "With --events: the random seed, for the same data again (default ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  private final LiveDemo liveDemo;
  private final LoadDemoUsage loadDemoUsage;

  public DemoCommand(LiveDemo liveDemo, LoadDemoUsage loadDemoUsage) {
    this.liveDemo = liveDemo;
    this.loadDemoUsage = loadDemoUsage;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (events != null) {
      return loadHistory();
    }
    if (calls < 0) {
      throw new ParameterException(spec.commandLine(), "--calls must be >= 0, was " + calls);
    }
    if (pauseMs < 1 || pauseMs > 60_000) {
      throw new ParameterException(
          spec.commandLine(), "--pause-ms must be in 1..60000, was " + pauseMs);
    }
    PrintWriter out = spec.commandLine().getOut();
    // no database is opened here: the events may go to a central server (MCP_USAGE_SEND_TO), and
    // the database sink makes the day partitions it writes to
    out.println(
        "Demo clients calling the demo MCP server"
            + (calls > 0 ? " (" + calls + " calls)" : " until Ctrl+C"));
    out.flush();
    try (LiveDemo.Running running = liveDemo.start(calls, Duration.ofMillis(pauseMs))) {
      while (!running.await(Duration.ofSeconds(5))) {
        out.println("  " + running.calls() + " calls so far");
        out.flush();
      }
      out.println("Made " + running.calls() + " calls; each is recorded (see: mcp-usage tools).");
    }
    return 0;
  }

  private int loadHistory() {
    if (events < 1 || events > DemoLoadCommand.MAX_EVENTS) {
      throw new ParameterException(
          spec.commandLine(),
          "--events must be between 1 and " + DemoLoadCommand.MAX_EVENTS + ", was " + events);
    }
    if (days < 1 || days > DemoLoadCommand.MAX_DAYS) {
      throw new ParameterException(
          spec.commandLine(),
          "--days must be between 1 and " + DemoLoadCommand.MAX_DAYS + ", was " + days);
    }
    long start = System.nanoTime();
    Progress progress =
        new Progress(spec.commandLine().getErr(), "loading", events, Progress.onTerminal());
    long loaded =
        loadDemoUsage.load(
            new DemoLoadCommand(events, days, seed, false),
            stored -> progress.update(stored, stored));
    progress.finish(loaded, loaded);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Loaded %,d synthetic events over the last %s in %.1f s (%,.0f events/s)%n",
        loaded, Counted.of(days, "day"), seconds, loaded / Math.max(seconds, 1e-9));
    return 0;
  }
}
