package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.HealthReport;
import dev.mcpusage.application.port.in.ReportHealth;
import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.application.port.out.UsageStatsReader;

/** Service: pings the store with its cheapest read and reports it with the writer's backlog. */
public class HealthService implements ReportHealth {

  private final UsageStatsReader reader;
  private final TrackUsage tracker;

  public HealthService(UsageStatsReader reader, TrackUsage tracker) {
    this.reader = reader;
    this.tracker = tracker;
  }

  @Override
  public HealthReport health() {
    try {
      boolean empty = reader.isEmpty();
      return new HealthReport(
          true,
          true,
          empty ? "store reachable, no events yet" : "store reachable",
          tracker.statistics());
    } catch (StoreUnavailableException e) {
      return new HealthReport(false, false, e.getMessage(), tracker.statistics());
    }
  }
}
