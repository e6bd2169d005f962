package dev.mcpusage.adapter.in.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mcpusage.application.port.in.DailyQuery;
import dev.mcpusage.application.port.in.HourlyQuery;
import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.TimeWindow;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Mixin: the window, filters and output format every report command takes. */
public final class ReportOptions {

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Window start instead of --hours/--days: "
              + TimeArgument.FORMS
              + " (rounded down to the UTC hour, or day for daily).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "WHEN",
      description = "Window end, with --since (default now; rounded up).")
  String until;

  @Mixin FilterOptions filters;

  @Option(
      names = "--json",
      description = "Print JSON (the HTTP API's snake_case fields) instead of a table.")
  boolean json;

  @Option(
      names = "--csv",
      description = "Print CSV (a header line, raw numbers) instead of a table.")
  boolean csv;

  /** Prints {@code table} as CSV or as an aligned table, as the options ask. */
  void print(CommandSpec spec, TablePrinter table) {
    if (csv) {
      table.printCsv(spec.commandLine().getOut());
    } else {
      table.print(spec.commandLine().getOut());
    }
  }

  /** Rejects --json together with --csv. */
  void checkFormat(CommandSpec spec) {
    if (json && csv) {
      throw new ParameterException(spec.commandLine(), "choose one of --json and --csv");
    }
  }

  /** The period asked for: --since/--until, or the last --hours (1 to 4320). */
  PeriodQuery period(CommandSpec spec, HoursOption hours) {
    return explicitWindow(spec, "--hours")
        .map(w -> PeriodQuery.between(w[0], w[1], filter()))
        .orElseGet(
            () -> new PeriodQuery(hours.within(spec, TimeWindow.MAX_SUMMARY_HOURS), filter()));
  }

  /** The hourly series asked for: --since/--until, or the last --hours (1 to 168). */
  HourlyQuery hourly(CommandSpec spec, HoursOption hours) {
    return explicitWindow(spec, "--hours")
        .map(w -> HourlyQuery.between(w[0], w[1], filter()))
        .orElseGet(
            () -> new HourlyQuery(hours.within(spec, TimeWindow.MAX_HOURLY_HOURS), filter()));
  }

  /** The daily series asked for: --since/--until, or the last {@code days} days. */
  DailyQuery daily(CommandSpec spec, int days) {
    return explicitWindow(spec, "--days")
        .map(w -> DailyQuery.between(w[0], w[1], filter()))
        .orElseGet(() -> new DailyQuery(days, filter()));
  }

  /**
   * [since, until) when --since is given; --until alone or with {@code lengthOption} is an error.
   */
  private Optional<Instant[]> explicitWindow(CommandSpec spec, String lengthOption) {
    checkFormat(spec);
    if (since == null) {
      if (until != null) {
        throw new ParameterException(spec.commandLine(), "--until needs --since");
      }
      return Optional.empty();
    }
    if (spec.commandLine().getParseResult().hasMatchedOption(lengthOption)) {
      throw new ParameterException(
          spec.commandLine(), "choose " + lengthOption + " or --since/--until, not both");
    }
    Instant now = Instant.now();
    Instant from = TimeArgument.require(spec, "--since", since, now);
    Instant to = until == null ? now : TimeArgument.require(spec, "--until", until, now);
    if (!from.isBefore(to)) {
      throw new ParameterException(
          spec.commandLine(), "--since (" + from + ") must be before --until (" + to + ")");
    }
    return Optional.of(new Instant[] {from, to});
  }

  UsageFilter filter() {
    return filters.filter();
  }

  static void printJson(PrintWriter out, Object value) throws JsonProcessingException {
    out.println(
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(value));
  }
}
