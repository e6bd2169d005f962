package dev.mcpusage.application.port.out;

import java.util.List;

/**
 * Report: whether the database's own scheduler (pg_cron) is there, and the jobs installed or
 * removed, each as {@code name schedule command}; {@code detail} says what to do when it is not.
 */
public record CronJobsReport(boolean available, List<String> jobs, String detail) {

  public CronJobsReport {
    jobs = List.copyOf(jobs);
  }
}
