package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.DailyQuery;
import dev.mcpusage.application.port.in.HourlyQuery;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.SummaryQuery;
import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.stats.UsageSummary;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Clock;
import java.util.List;

/** Service: turns a query into a window on the clock and lets the model summarize the rollups. */
public class QueryUsageService implements QueryUsage {

  private final UsageStatsReader reader;
  private final Clock clock;

  public QueryUsageService(UsageStatsReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  @Override
  public UsageSummary summary(SummaryQuery query) {
    TimeWindow window = TimeWindow.forSummary(query.hours(), clock.instant());
    return UsageSummary.of(
        reader.toolTotals(window, query.filter()), reader.uniqueSessions(window, query.filter()));
  }

  @Override
  public List<UsageRollup> hourly(HourlyQuery query) {
    return reader.hourly(TimeWindow.forHourlySeries(query.hours(), clock.instant()), query.filter());
  }

  @Override
  public List<UsageRollup> daily(DailyQuery query) {
    return reader.daily(TimeWindow.forDailySeries(query.days(), clock.instant()), query.filter());
  }
}
