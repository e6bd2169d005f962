package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.stats.UsageSummary;
import java.util.List;

/** Use case: answer what was used, by whom, how fast and how often it failed. */
public interface QueryUsage {

  /** The seed's summary of the last hours, plus percentiles. */
  UsageSummary summary(SummaryQuery query);

  /** One row per hour and tool with calls, errors, latency and distinct sessions. */
  List<UsageRollup> hourly(HourlyQuery query);

  /** One row per UTC day and tool. */
  List<UsageRollup> daily(DailyQuery query);
}
