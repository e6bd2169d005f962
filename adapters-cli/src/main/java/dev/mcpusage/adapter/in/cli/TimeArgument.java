package dev.mcpusage.adapter.in.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Parser: a point in time given on the command line — an ISO-8601 instant ({@code
 * 2026-11-25T10:00:00Z}), a UTC date ({@code 2026-11-25}, its midnight), {@code now}, or an age
 * relative to now ({@code 90m}, {@code 24h}, {@code 7d}, {@code 2w}).
 */
final class TimeArgument {

  /** How the accepted forms are described in option help and errors. */
  static final String FORMS = "an ISO-8601 instant, a UTC date, 'now', or an age such as 24h or 7d";

  private static final Pattern AGE = Pattern.compile("(\\d{1,6})([smhdw])");

  private TimeArgument() {}

  /** The instant {@code text} of {@code option} means at {@code now}; exit 2 naming it if none. */
  static Instant require(CommandSpec spec, String option, String text, Instant now) {
    return parse(text, now)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(), option + " must be " + FORMS + ", was '" + text + "'"));
  }

  /** The instant {@code text} means at {@code now}, or empty when it is none of the forms. */
  static Optional<Instant> parse(String text, Instant now) {
    String value = text.strip();
    if (value.equalsIgnoreCase("now")) {
      return Optional.of(now);
    }
    Matcher age = AGE.matcher(value);
    if (age.matches()) {
      long amount = Long.parseLong(age.group(1));
      Duration unit =
          switch (age.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
          };
      return Optional.of(now.minus(unit.multipliedBy(amount)));
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException notInstant) {
      try {
        return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
