package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.HealthReport;
import dev.mcpusage.application.port.in.ReportHealth;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.application.port.out.UsageStatsReader;

/** Service: pings the store with its cheapest read and reports what it saw. */
public class HealthService implements ReportHealth {

  private final UsageStatsReader reader;

  public HealthService(UsageStatsReader reader) {
    this.reader = reader;
  }

  @Override
  public HealthReport health() {
    try {
      boolean empty = reader.isEmpty();
      return new HealthReport(
          true, true, empty ? "store reachable, no events yet" : "store reachable");
    } catch (StoreUnavailableException e) {
      return new HealthReport(false, false, e.getMessage());
    }
  }
}
