package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.stats.ClientUsage;
import dev.mcpusage.domain.stats.ErrorCount;
import dev.mcpusage.domain.stats.SourceUsage;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.window.TimeWindow;
import java.util.List;

/** Port out: reads aggregated usage; costs grow with buckets in the window, not with events. */
public interface UsageStatsReader {

  /** Statistics per tool over the whole window. */
  List<ToolStats> toolTotals(TimeWindow window, UsageFilter filter);

  /** Exact number of distinct session ids in the window. */
  long uniqueSessions(TimeWindow window, UsageFilter filter);

  /** One row per UTC hour and tool with calls in the window, oldest first. */
  List<UsageRollup> hourly(TimeWindow window, UsageFilter filter);

  /** One row per UTC day and tool with calls in the window, oldest first. */
  List<UsageRollup> daily(TimeWindow window, UsageFilter filter);

  /** Calls and distinct sessions per client type in the window (no client: {@code unknown}). */
  List<ClientUsage> clients(TimeWindow window, UsageFilter filter);

  /** Failed calls per tool and error type in the window. */
  List<ErrorCount> errors(TimeWindow window, UsageFilter filter);

  /** The {@code limit} sources with most calls in the window, most first (ties by name). */
  List<SourceUsage> topSources(TimeWindow window, UsageFilter filter, int limit);

  /** True when the store holds no event at all. */
  boolean isEmpty();
}
