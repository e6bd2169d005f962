package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.DailyQuery;
import dev.mcpusage.application.port.in.HourlyQuery;
import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.TopSourcesQuery;
import dev.mcpusage.domain.access.AccessRole;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.TimeWindow;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Controller: the analytics reads under {@code /api/mcp/analytics}. */
public final class AnalyticsController {

  private static final String BASE = "/api/mcp/analytics";
  private static final ApiParameter SERIES_HOURS =
      ApiParameter.integer(
          "hours",
          "the current UTC hour and the hours before it",
          1,
          TimeWindow.MAX_HOURLY_HOURS,
          24);
  private static final ApiParameter PERIOD_HOURS =
      ApiParameter.integer(
          "hours",
          "the current UTC hour and the hours before it",
          1,
          TimeWindow.MAX_SUMMARY_HOURS,
          24);
  private static final ApiParameter DAYS =
      ApiParameter.integer("days", "today (UTC) and the days before it", 1, TimeWindow.MAX_DAYS, 7);
  private static final ApiParameter LIMIT =
      ApiParameter.integer(
          "limit", "how many sources", 1, TopSourcesQuery.MAX_LIMIT, TopSourcesQuery.DEFAULT_LIMIT);

  private final QueryUsage queryUsage;
  private final Clock clock;

  public AnalyticsController(QueryUsage queryUsage, Clock clock) {
    this.queryUsage = queryUsage;
    this.clock = clock;
  }

  List<ApiRoute> routes() {
    return List.of(
        read(
            "/summary",
            "The seed's usage summary plus p50/p95/p99",
            List.of(PERIOD_HOURS),
            this::summary),
        read(
            "/hourly",
            "Calls, errors, latency and sessions per UTC hour and tool",
            List.of(SERIES_HOURS),
            this::hourly),
        read(
            "/daily",
            "Calls, errors, latency and sessions per UTC day and tool",
            List.of(DAYS),
            this::daily),
        read(
            "/tools",
            "Per tool: calls, error rate, p50/p95/p99, average, last call",
            List.of(PERIOD_HOURS),
            this::tools),
        read(
            "/clients",
            "Per client type: calls, sessions, error rate",
            List.of(PERIOD_HOURS),
            this::clients),
        read("/errors", "Failures per tool and error type", List.of(PERIOD_HOURS), this::errors),
        read(
            "/knowledge-bases",
            "The most searched knowledge sources (source_id)",
            List.of(PERIOD_HOURS, LIMIT),
            this::knowledgeBases));
  }

  private static ApiRoute read(
      String path, String summary, List<ApiParameter> parameters, io.javalin.http.Handler handler) {
    List<ApiParameter> all = new ArrayList<>(parameters);
    all.add(QueryParameters.SINCE);
    all.add(QueryParameters.UNTIL);
    all.addAll(QueryParameters.FILTERS);
    return ApiRoute.get(BASE + path, AccessRole.READER, summary, all, handler);
  }

  void summary(Context ctx) {
    PeriodQuery query = period(ctx);
    ctx.json(SummaryResponse.from(query.hours(), queryUsage.summary(query)));
  }

  void hourly(Context ctx) {
    HourlyQuery query = query(ctx, SERIES_HOURS, HourlyQuery::between, HourlyQuery::new);
    ctx.json(
        new ListResponse<>(query.hours(), map(queryUsage.hourly(query), RollupResponse::from)));
  }

  void daily(Context ctx) {
    DailyQuery query = query(ctx, DAYS, DailyQuery::between, DailyQuery::new);
    ctx.json(
        new ListResponse<>(query.days() * 24, map(queryUsage.daily(query), RollupResponse::from)));
  }

  void tools(Context ctx) {
    PeriodQuery query = period(ctx);
    ctx.json(new ListResponse<>(query.hours(), map(queryUsage.tools(query), ToolResponse::from)));
  }

  void clients(Context ctx) {
    PeriodQuery query = period(ctx);
    ctx.json(
        new ListResponse<>(query.hours(), map(queryUsage.clients(query), ClientResponse::from)));
  }

  void errors(Context ctx) {
    PeriodQuery query = period(ctx);
    ctx.json(
        new ListResponse<>(query.hours(), map(queryUsage.errors(query), ErrorTypeResponse::from)));
  }

  void knowledgeBases(Context ctx) {
    PeriodQuery query = period(ctx);
    int limit = QueryParameters.integer(ctx, LIMIT);
    ctx.json(
        new ListResponse<>(
            query.hours(),
            map(queryUsage.topSources(new TopSourcesQuery(query, limit)), SourceResponse::from)));
  }

  private PeriodQuery period(Context ctx) {
    return query(ctx, PERIOD_HOURS, PeriodQuery::between, PeriodQuery::new);
  }

  /** A query over since/until when given, otherwise over the last {@code length} hours or days. */
  private <Q> Q query(Context ctx, ApiParameter length, Between<Q> between, Last<Q> last) {
    UsageFilter filter = QueryParameters.filter(ctx);
    return QueryParameters.window(ctx, length, clock.instant())
        .map(w -> between.of(w[0], w[1], filter))
        .orElseGet(() -> last.of(QueryParameters.integer(ctx, length), filter));
  }

  /** A query's factory for an explicit window. */
  private interface Between<Q> {
    Q of(Instant since, Instant until, UsageFilter filter);
  }

  /** A query's factory for the last N hours or days. */
  private interface Last<Q> {
    Q of(int length, UsageFilter filter);
  }

  private static <T, R> List<R> map(List<T> rows, Function<T, R> mapper) {
    return rows.stream().map(mapper).toList();
  }
}
