package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.application.port.out.CronJobsReport;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The maintenance as pg_cron jobs, for databases that schedule their own: retention daily and day
 * partitions ahead hourly. The seed's 15-minute view refresh has no job: rollups are current after
 * every insert.
 */
final class PostgresCronJobs {

  /** Name, schedule and command of each job. */
  static final List<List<String>> JOBS =
      List.of(
          List.of("mcp-usage-cleanup", "15 3 * * *", "SELECT cleanup_mcp_usage_events()"),
          List.of(
              "mcp-usage-partitions",
              "5 * * * *",
              "SELECT mcp_usage_ensure_partitions(current_date, current_date + 7)"));

  private PostgresCronJobs() {}

  static CronJobsReport install(DSLContext dsl) {
    if (!available(dsl)) {
      return unavailable(dsl);
    }
    List<String> installed = new ArrayList<>();
    for (List<String> job : JOBS) {
      dsl.fetch("SELECT cron.schedule(?, ?, ?)", job.get(0), job.get(1), job.get(2));
      installed.add(String.join("  ", job));
    }
    return new CronJobsReport(
        true, installed, "scheduled in pg_cron (see: SELECT * FROM cron.job)");
  }

  static CronJobsReport remove(DSLContext dsl) {
    if (!available(dsl)) {
      return unavailable(dsl);
    }
    List<String> removed = new ArrayList<>();
    for (List<String> job : JOBS) {
      Integer count =
          dsl.fetchOne("SELECT count(*)::int FROM cron.job WHERE jobname = ?", job.get(0))
              .get(0, Integer.class);
      if (count != null && count > 0) {
        dsl.fetch("SELECT cron.unschedule(?)", job.get(0));
        removed.add(String.join("  ", job));
      }
    }
    return new CronJobsReport(true, removed, "removed from pg_cron");
  }

  private static boolean available(DSLContext dsl) {
    return dsl.fetchOne("SELECT count(*)::int FROM pg_extension WHERE extname = 'pg_cron'")
            .get(0, Integer.class)
        > 0;
  }

  private static CronJobsReport unavailable(DSLContext dsl) {
    boolean packaged =
        dsl.fetchOne("SELECT count(*)::int FROM pg_available_extensions WHERE name = 'pg_cron'")
                .get(0, Integer.class)
            > 0;
    return new CronJobsReport(
        false,
        List.of(),
        packaged
            ? "pg_cron is available but not created in this database: add it to"
                + " shared_preload_libraries and run CREATE EXTENSION pg_cron, then try again"
            : "pg_cron is not installed on this PostgreSQL server; 'mcp-usage serve' runs the same"
                + " maintenance by itself, or use 'mcp-usage schedule print-crontab'");
  }
}
