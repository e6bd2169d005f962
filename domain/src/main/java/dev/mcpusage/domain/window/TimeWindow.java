package dev.mcpusage.domain.window;

import dev.mcpusage.domain.bucket.DayBucket;
import dev.mcpusage.domain.bucket.HourBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Value: a half-open span of time [from, to) made of whole UTC buckets.
 *
 * <p>"The last N hours" is the current (partial) UTC hour and the N−1 hours before it — the same
 * buckets as the seed's {@code hour_bucket >= now() - interval 'N hours'}. "The last N days" is
 * today (UTC) and the N−1 days before it.
 */
public record TimeWindow(Instant from, Instant to) {

  /** Longest hourly series: one week, as in the seed's API. */
  public static final int MAX_HOURLY_HOURS = 168;

  /** Longest summary window: 180 days of hours. */
  public static final int MAX_SUMMARY_HOURS = 4320;

  /** Longest daily series: the retention period. */
  public static final int MAX_DAYS = 180;

  /** How an explicit window's length is named in errors. */
  private static final String SPAN_HOURS = "the hours from since to until";

  private static final String SPAN_DAYS = "the days from since to until";

  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a window needs from < to, got " + from + " .. " + to);
    }
  }

  /** The last {@code hours} hours for an hourly series (1 to {@value #MAX_HOURLY_HOURS}). */
  public static TimeWindow forHourlySeries(int hours, Instant now) {
    return lastHours("hours", hours, MAX_HOURLY_HOURS, now);
  }

  /** The last {@code hours} hours for a summary (1 to {@value #MAX_SUMMARY_HOURS}). */
  public static TimeWindow forSummary(int hours, Instant now) {
    return lastHours("hours", hours, MAX_SUMMARY_HOURS, now);
  }

  /** The last {@code days} UTC days (1 to {@value #MAX_DAYS}). */
  public static TimeWindow forDailySeries(int days, Instant now) {
    if (!isValidDays(days)) {
      throw new InvalidTimeWindowException("days", 1, MAX_DAYS, days);
    }
    DayBucket today = DayBucket.of(now);
    return new TimeWindow(today.start().minus(Duration.ofDays(days - 1L)), today.end());
  }

  /**
   * The whole UTC hours covering [since, until) — since rounded down, until up to the hour — at
   * most {@code maxHours} of them.
   */
  public static TimeWindow coveringHours(Instant since, Instant until, int maxHours) {
    requireOrder(since, until);
    TimeWindow window =
        new TimeWindow(HourBucket.of(since).start(), HourBucket.of(until.minusNanos(1)).end());
    if (window.hours() > maxHours) {
      throw new InvalidTimeWindowException(SPAN_HOURS, 1, maxHours, window.hours());
    }
    return window;
  }

  /** The whole UTC days covering [since, until), at most {@value #MAX_DAYS} of them. */
  public static TimeWindow coveringDays(Instant since, Instant until) {
    requireOrder(since, until);
    TimeWindow window =
        new TimeWindow(DayBucket.of(since).start(), DayBucket.of(until.minusNanos(1)).end());
    long days = Duration.between(window.from(), window.to()).toDays();
    if (days > MAX_DAYS) {
      throw new InvalidTimeWindowException(SPAN_DAYS, 1, MAX_DAYS, days);
    }
    return window;
  }

  private static void requireOrder(Instant since, Instant until) {
    if (!since.isBefore(until)) {
      throw new InvalidTimeWindowException(SPAN_HOURS, 1, MAX_SUMMARY_HOURS, 0);
    }
  }

  /** True for an hour count an hourly series accepts. */
  public static boolean isValidHourlyHours(int hours) {
    return hours >= 1 && hours <= MAX_HOURLY_HOURS;
  }

  /** True for an hour count a summary accepts. */
  public static boolean isValidSummaryHours(int hours) {
    return hours >= 1 && hours <= MAX_SUMMARY_HOURS;
  }

  /** True for a day count a daily series accepts. */
  public static boolean isValidDays(int days) {
    return days >= 1 && days <= MAX_DAYS;
  }

  private static TimeWindow lastHours(String parameter, int hours, int max, Instant now) {
    if (hours < 1 || hours > max) {
      throw new InvalidTimeWindowException(parameter, 1, max, hours);
    }
    HourBucket current = HourBucket.of(now);
    return new TimeWindow(current.start().minus(Duration.ofHours(hours - 1L)), current.end());
  }

  /** True when {@code instant} is inside [from, to). */
  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  /** The largest part of this window made of whole UTC days, if it holds at least one. */
  public Optional<TimeWindow> wholeDays() {
    Instant firstMidnight =
        DayBucket.of(from).start().equals(from) ? from : DayBucket.of(from).end();
    Instant lastMidnight = DayBucket.of(to).start();
    return firstMidnight.isBefore(lastMidnight)
        ? Optional.of(new TimeWindow(firstMidnight, lastMidnight))
        : Optional.empty();
  }

  /**
   * The parts of this window outside {@link #wholeDays()}: none, one or two spans of whole hours
   * (for hour-aligned windows), or the whole window when it holds no whole day.
   */
  public List<TimeWindow> partialDays() {
    Optional<TimeWindow> days = wholeDays();
    if (days.isEmpty()) {
      return List.of(this);
    }
    List<TimeWindow> parts = new ArrayList<>(2);
    if (from.isBefore(days.get().from())) {
      parts.add(new TimeWindow(from, days.get().from()));
    }
    if (days.get().to().isBefore(to)) {
      parts.add(new TimeWindow(days.get().to(), to));
    }
    return List.copyOf(parts);
  }

  /** Number of whole hours the window spans. */
  public long hours() {
    return Duration.between(from, to).toHours();
  }
}
