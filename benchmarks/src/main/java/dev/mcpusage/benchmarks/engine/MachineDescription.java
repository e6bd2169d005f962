package dev.mcpusage.benchmarks.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report section: the machine, Java, PostgreSQL and its settings a run measured on. */
final class MachineDescription {

  private MachineDescription() {}

  static void describe(Database db, EngineOptions options, Report report) throws Exception {
    Map<String, Object> env = report.section("environment");
    env.put("events", options.events());
    env.put("days", options.days());
    env.put("runs", options.runs());
    env.put("cpus", Runtime.getRuntime().availableProcessors());
    env.put("memory", memory());
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    env.put("java", System.getProperty("java.version"));
    env.put("postgresql", db.text("SHOW server_version"));
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String setting :
        List.of(
            "shared_buffers",
            "work_mem",
            "maintenance_work_mem",
            "effective_cache_size",
            "max_wal_size",
            "synchronous_commit",
            "fsync",
            "jit")) {
      settings.put(setting, db.text("SHOW " + setting));
    }
    env.put("settings", settings);
    env.put("measured_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    report.line(
        "### Engine vs the seed's design at "
            + String.format("%,d", options.events())
            + " events ("
            + options.days()
            + " days)");
    report.line("");
    report.line(
        String.format(
            "Machine: %d CPUs, %s, %s; Java %s; PostgreSQL %s (%s). Medians of %d runs, spread"
                + " (min–max) in brackets. Measured %s.",
            env.get("cpus"),
            env.get("memory"),
            env.get("os"),
            env.get("java"),
            env.get("postgresql"),
            settings,
            options.runs(),
            env.get("measured_at")));
  }

  private static String memory() throws Exception {
    Path meminfo = Path.of("/proc/meminfo");
    if (!Files.exists(meminfo)) {
      return "unknown memory";
    }
    String first = Files.readAllLines(meminfo).get(0).replaceAll("\\D+", "");
    return String.format("%.0f GiB", Long.parseLong(first) / 1024.0 / 1024.0);
  }
}
