package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Query: the daily series of the last {@code days} UTC days (1 to 180), optionally filtered. */
public record DailyQuery(int days, UsageFilter filter, Optional<TimeWindow> window) {

  public DailyQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(window, "window");
    if (window.isEmpty() && !TimeWindow.isValidDays(days)) {
      throw new InvalidTimeWindowException("days", 1, TimeWindow.MAX_DAYS, days);
    }
  }

  /** The last {@code days}, as the window ends now. */
  public DailyQuery(int days, UsageFilter filter) {
    this(days, filter, Optional.empty());
  }

  /** The daily series of the whole UTC days covering [since, until), at most 180. */
  public static DailyQuery between(Instant since, Instant until, UsageFilter filter) {
    TimeWindow window = TimeWindow.coveringDays(since, until);
    return new DailyQuery((int) (window.hours() / 24), filter, Optional.of(window));
  }
}
