package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.ClientUsage;
import dev.mcpusage.domain.stats.ErrorCount;
import dev.mcpusage.domain.stats.SourceUsage;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.stats.UsageSummary;
import java.util.List;

/** Use case: answer what was used, by whom, how fast and how often it failed. */
public interface QueryUsage {

  /** The seed's summary of the last hours, plus percentiles. */
  UsageSummary summary(PeriodQuery query);

  /** One row per hour and tool with calls, errors, latency and distinct sessions. */
  List<UsageRollup> hourly(HourlyQuery query);

  /** One row per UTC day and tool. */
  List<UsageRollup> daily(DailyQuery query);

  /** Per tool over the period: calls, errors, latency, last call; most called first. */
  List<ToolStats> tools(PeriodQuery query);

  /** Per client type over the period: calls, errors, distinct sessions; most calls first. */
  List<ClientUsage> clients(PeriodQuery query);

  /** Failures per tool and error type over the period; most frequent first. */
  List<ErrorCount> errors(PeriodQuery query);

  /** The most searched knowledge sources of the period; most calls first. */
  List<SourceUsage> topSources(TopSourcesQuery query);
}
