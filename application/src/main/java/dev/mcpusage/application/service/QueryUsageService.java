package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.DailyQuery;
import dev.mcpusage.application.port.in.HourlyQuery;
import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.TopSourcesQuery;
import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.domain.stats.ClientUsage;
import dev.mcpusage.domain.stats.ErrorCount;
import dev.mcpusage.domain.stats.SourceUsage;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.stats.UsageSummary;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Clock;
import java.util.Comparator;
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
  public UsageSummary summary(PeriodQuery query) {
    TimeWindow window = window(query);
    return UsageSummary.of(
        reader.toolTotals(window, query.filter()), reader.uniqueSessions(window, query.filter()));
  }

  @Override
  public List<ToolStats> tools(PeriodQuery query) {
    return reader.toolTotals(window(query), query.filter()).stream()
        .sorted(
            Comparator.comparingLong((ToolStats tool) -> tool.stats().callCount())
                .reversed()
                .thenComparing(tool -> tool.tool().toolName()))
        .toList();
  }

  @Override
  public List<ClientUsage> clients(PeriodQuery query) {
    return reader.clients(window(query), query.filter()).stream()
        .sorted(
            Comparator.comparingLong((ClientUsage client) -> client.stats().callCount())
                .reversed()
                .thenComparing(ClientUsage::clientType))
        .toList();
  }

  @Override
  public List<ErrorCount> errors(PeriodQuery query) {
    return reader.errors(window(query), query.filter()).stream()
        .sorted(
            Comparator.comparingLong(ErrorCount::count)
                .reversed()
                .thenComparing(error -> error.tool().toolName())
                .thenComparing(ErrorCount::errorType))
        .toList();
  }

  @Override
  public List<SourceUsage> topSources(TopSourcesQuery query) {
    return reader.topSources(window(query.period()), query.period().filter(), query.limit());
  }

  private TimeWindow window(PeriodQuery query) {
    return query.window().orElseGet(() -> TimeWindow.forSummary(query.hours(), clock.instant()));
  }

  @Override
  public List<UsageRollup> hourly(HourlyQuery query) {
    return reader.hourly(
        query.window().orElseGet(() -> TimeWindow.forHourlySeries(query.hours(), clock.instant())),
        query.filter());
  }

  @Override
  public List<UsageRollup> daily(DailyQuery query) {
    return reader.daily(
        query.window().orElseGet(() -> TimeWindow.forDailySeries(query.days(), clock.instant())),
        query.filter());
  }
}
