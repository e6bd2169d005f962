package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_SESSIONS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_SESSIONS_BY_LAST_DAY;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_SESSIONS_BY_LAST_HOUR;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Query: distinct sessions of a window. Without a tool filter, and when no session has a call after
 * the window (a window up to now), from the counts of sessions per latest hour: a session has a
 * call in the window exactly when its latest call is in it. Otherwise from the session day rows,
 * whose hour bits (per session, and per tool in {@code tool_hours}) tell which hours of the day a
 * session was in.
 */
final class SessionDays {

  /** All 24 hour bits: a day wholly inside the window. */
  static final int WHOLE_DAY = (1 << 24) - 1;

  private SessionDays() {}

  /** Distinct sessions per stored client type ('' for unknown). */
  static Map<String, Long> perClient(DSLContext dsl, TimeWindow window, UsageFilter filter) {
    if (filter.toolCategory().isEmpty() && filter.toolName().isEmpty()) {
      var hours = MCP_USAGE_SESSIONS_BY_LAST_HOUR;
      var days = MCP_USAGE_SESSIONS_BY_LAST_DAY;
      // the latest hour any session ended in: one step down the index, whatever the window
      OffsetDateTime latest =
          dsl.select(DSL.max(hours.LAST_HOUR))
              .from(hours)
              .where(hours.SESSIONS.gt(0L))
              .and(scope(filter, hours.SERVER_NAME, hours.CLIENT_TYPE))
              .fetchOne(0, OffsetDateTime.class);
      if (latest == null || latest.toInstant().isBefore(window.to())) {
        // latest call on a later day than the window's first, or in its first day's hours
        LocalDate firstDay = LocalDate.ofInstant(window.from(), ZoneOffset.UTC);
        Instant secondDay = firstDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var counts =
            DSL.select(days.CLIENT_TYPE, days.SESSIONS)
                .from(days)
                .where(days.LAST_DAY.gt(firstDay))
                .and(scope(filter, days.SERVER_NAME, days.CLIENT_TYPE))
                .unionAll(
                    DSL.select(hours.CLIENT_TYPE, hours.SESSIONS)
                        .from(hours)
                        .where(hours.LAST_HOUR.ge(window.from().atOffset(ZoneOffset.UTC)))
                        .and(hours.LAST_HOUR.lt(secondDay.atOffset(ZoneOffset.UTC)))
                        .and(scope(filter, hours.SERVER_NAME, hours.CLIENT_TYPE)))
                .asTable("counts", "client_type", "sessions");
        Field<String> client = counts.field("client_type", String.class);
        return dsl.select(client, DSL.sum(counts.field("sessions", Long.class)))
            .from(counts)
            .groupBy(client)
            .fetchMap(row -> row.value1(), row -> row.value2().longValue());
      }
    }
    var ids = pairs(window, filter).asTable("ids", "client_type", "session_id");
    Field<String> client = ids.field("client_type", String.class);
    return dsl.select(client, DSL.countDistinct(ids.field("session_id")))
        .from(ids)
        .groupBy(client)
        .fetchMap(row -> row.value1(), row -> row.value2().longValue());
  }

  private static Select<Record2<String, String>> pairs(TimeWindow window, UsageFilter filter) {
    var s = MCP_USAGE_SESSIONS;
    LocalDate first = LocalDate.ofInstant(window.from(), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(window.to().minusNanos(1), ZoneOffset.UTC);
    Field<Integer> mask = windowHours(s.DATE_BUCKET, window, first, last);
    Condition condition =
        s.DATE_BUCKET.between(first, last).and(scope(filter, s.SERVER_NAME, s.CLIENT_TYPE));
    if (filter.toolCategory().isPresent() || filter.toolName().isPresent()) {
      condition =
          condition.and(
              DSL.condition(
                  "exists (select 1 from unnest({0}, {1}, {2}) as t(category, tool, hours)"
                      + " where ({3}::text is null or t.category = {3})"
                      + " and ({4}::text is null or t.tool = {4})"
                      + " and (t.hours & {5}) <> 0)",
                  s.CATEGORIES,
                  s.TOOLS,
                  s.TOOL_HOURS,
                  DSL.val(filter.toolCategory().orElse(null), String.class),
                  DSL.val(filter.toolName().orElse(null), String.class),
                  mask));
    } else {
      condition = condition.and(DSL.condition("({0} & {1}) <> 0", s.HOURS, mask));
    }
    return DSL.select(s.CLIENT_TYPE, s.SESSION_ID).from(s).where(condition);
  }

  private static Condition scope(UsageFilter filter, Field<String> server, Field<String> client) {
    Condition condition = DSL.noCondition();
    if (filter.serverName().isPresent()) {
      condition = condition.and(server.eq(filter.serverName().get()));
    }
    if (filter.clientType().isPresent()) {
      condition = condition.and(client.eq(filter.clientType().get()));
    }
    return condition;
  }

  /** Per row, the bits of the window's hours on that row's day. */
  private static Field<Integer> windowHours(
      Field<LocalDate> day, TimeWindow window, LocalDate first, LocalDate last) {
    if (first.equals(last)) {
      return DSL.val(hoursOf(first, window));
    }
    return DSL.when(day.eq(first), DSL.val(hoursOf(first, window)))
        .when(day.eq(last), DSL.val(hoursOf(last, window)))
        .otherwise(DSL.val(WHOLE_DAY));
  }

  /** The bits of the hours of {@code day} that start inside the window. */
  static int hoursOf(LocalDate day, TimeWindow window) {
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    int bits = 0;
    for (int hour = 0; hour < 24; hour++) {
      Instant at = start.plus(Duration.ofHours(hour));
      if (!at.isBefore(window.from()) && at.isBefore(window.to())) {
        bits |= 1 << hour;
      }
    }
    return bits;
  }
}
