package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Query: a period of the last {@code hours} hours (1 to 4320), optionally filtered — for summaries
 * and breakdowns.
 */
public record PeriodQuery(int hours, UsageFilter filter, Optional<TimeWindow> window) {

  public PeriodQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(window, "window");
    if (window.isEmpty() && !TimeWindow.isValidSummaryHours(hours)) {
      throw new InvalidTimeWindowException("hours", 1, TimeWindow.MAX_SUMMARY_HOURS, hours);
    }
  }

  /** The last {@code hours}, as the window ends now. */
  public PeriodQuery(int hours, UsageFilter filter) {
    this(hours, filter, Optional.empty());
  }

  /** The whole UTC hours covering [since, until), at most 4320. */
  public static PeriodQuery between(Instant since, Instant until, UsageFilter filter) {
    TimeWindow window = TimeWindow.coveringHours(since, until, TimeWindow.MAX_SUMMARY_HOURS);
    return new PeriodQuery((int) window.hours(), filter, Optional.of(window));
  }

  /** The unfiltered last {@code hours} hours. */
  public static PeriodQuery lastHours(int hours) {
    return new PeriodQuery(hours, UsageFilter.NONE);
  }
}
