package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.TimeWindow;
import io.javalin.http.Context;
import java.util.function.IntPredicate;

/** Controller: the seed's analytics reads under {@code /api/mcp/analytics}. */
public final class AnalyticsController {

  private static final int DEFAULT_HOURS = 24;

  private final QueryUsage queryUsage;

  public AnalyticsController(QueryUsage queryUsage) {
    this.queryUsage = queryUsage;
  }

  /** {@code GET /api/mcp/analytics/summary?hours=1..4320} (default 24). */
  void summary(Context ctx) {
    int hours =
        intParameter(ctx, "hours", DEFAULT_HOURS, TimeWindow::isValidSummaryHours, TimeWindow.MAX_SUMMARY_HOURS);
    ctx.json(SummaryResponse.from(hours, queryUsage.summary(new PeriodQuery(hours, UsageFilter.NONE))));
  }

  private static int intParameter(
      Context ctx, String name, int defaultValue, IntPredicate valid, int max) {
    if (ctx.queryParam(name) == null) {
      return defaultValue;
    }
    return ctx.queryParamAsClass(name, Integer.class)
        .check(valid::test, "must be between 1 and " + max)
        .get();
  }
}
