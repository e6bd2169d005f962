package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.stats.UsageFilter;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a route's declared parameters; anything outside the declared range is a 400 naming it. */
final class QueryParameters {

  static final List<ApiParameter> FILTERS =
      List.of(
          ApiParameter.text(
              "tool_category", "only calls of this category", UsageEvent.MAX_NAME_LENGTH),
          ApiParameter.text("tool_name", "only calls of this tool", UsageEvent.MAX_NAME_LENGTH),
          ApiParameter.text(
              "server_name", "only calls to this MCP server", UsageEvent.MAX_NAME_LENGTH),
          ApiParameter.text(
              "client_type", "only calls from this client type", UsageEvent.MAX_NAME_LENGTH));

  static final ApiParameter SINCE =
      ApiParameter.text(
          "since",
          "window start instead of the last hours or days: an ISO-8601 instant or a UTC date"
              + " (rounded down to the hour, or the day for daily)",
          40);
  static final ApiParameter UNTIL =
      ApiParameter.text(
          "until", "window end, with since: an ISO-8601 instant or a UTC date (default now)", 40);

  private QueryParameters() {}

  /**
   * [since, until) when {@code since} is given; {@code until} alone, or with {@code length} also
   * given, or not after {@code since}, is a 400 naming them.
   */
  static Optional<Instant[]> window(Context ctx, ApiParameter length, Instant now) {
    Optional<Instant> since = instant(ctx, SINCE);
    Optional<Instant> until = instant(ctx, UNTIL);
    if (since.isEmpty()) {
      if (until.isPresent()) {
        throw new InvalidParameterException("until needs since");
      }
      return Optional.empty();
    }
    if (ctx.queryParam(length.name()) != null) {
      throw new InvalidParameterException("choose " + length.name() + " or since/until, not both");
    }
    Instant to = until.orElse(now);
    if (!since.get().isBefore(to)) {
      throw new InvalidParameterException(
          "since (" + since.get() + ") must be before until (" + to + ")");
    }
    return Optional.of(new Instant[] {since.get(), to});
  }

  private static Optional<Instant> instant(Context ctx, ApiParameter parameter) {
    Optional<String> raw = text(ctx, parameter);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String value = raw.get();
    try {
      return Optional.of(
          value.length() == 10
              ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          parameter.name()
              + " must be an ISO-8601 instant such as 2026-11-30T08:00:00Z or a UTC date such as"
              + " 2026-11-30, was '"
              + value
              + "'");
    }
  }

  /**
   * {@code handler} behind a check that the query holds only {@code declared} parameters, each at
   * most once: a misspelt or repeated parameter would otherwise be ignored or half-read in silence.
   */
  static Handler declaredOnly(List<ApiParameter> declared, Handler handler) {
    List<String> names = declared.stream().map(ApiParameter::name).toList();
    return ctx -> {
      for (Map.Entry<String, List<String>> given : ctx.queryParamMap().entrySet()) {
        if (!names.contains(given.getKey())) {
          throw new InvalidParameterException(
              "unknown parameter '"
                  + given.getKey()
                  + "'; this endpoint takes "
                  + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        if (given.getValue().size() > 1) {
          throw new InvalidParameterException(
              given.getKey() + " given " + given.getValue().size() + " times; give it once");
        }
      }
      handler.handle(ctx);
    };
  }

  static int integer(Context ctx, ApiParameter parameter) {
    String raw = ctx.queryParam(parameter.name());
    if (raw == null || raw.isEmpty()) {
      return parameter.defaultValue().orElseThrow();
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          parameter.name() + " must be an integer, was '" + raw + "'");
    }
    if (value < parameter.min() || value > parameter.max()) {
      throw new InvalidParameterException(
          parameter.name()
              + " must be between "
              + parameter.min()
              + " and "
              + parameter.max()
              + ", was '"
              + raw
              + "'");
    }
    return value;
  }

  static UsageFilter filter(Context ctx) {
    return new UsageFilter(
        text(ctx, FILTERS.get(2)),
        text(ctx, FILTERS.get(0)),
        text(ctx, FILTERS.get(1)),
        text(ctx, FILTERS.get(3)));
  }

  private static Optional<String> text(Context ctx, ApiParameter parameter) {
    String raw = ctx.queryParam(parameter.name());
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    if (raw.length() > parameter.max()) {
      throw new InvalidParameterException(
          parameter.name()
              + " must be at most "
              + parameter.max()
              + " characters, was "
              + raw.length());
    }
    return Optional.of(raw.strip());
  }
}
