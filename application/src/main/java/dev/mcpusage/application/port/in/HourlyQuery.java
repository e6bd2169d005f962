package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Query: the hourly series of the last {@code hours} hours (1 to 168), optionally filtered. */
public record HourlyQuery(int hours, UsageFilter filter, Optional<TimeWindow> window) {

  public HourlyQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(window, "window");
    if (window.isEmpty() && !TimeWindow.isValidHourlyHours(hours)) {
      throw new InvalidTimeWindowException("hours", 1, TimeWindow.MAX_HOURLY_HOURS, hours);
    }
  }

  /** The last {@code hours}, as the window ends now. */
  public HourlyQuery(int hours, UsageFilter filter) {
    this(hours, filter, Optional.empty());
  }

  /** The hourly series of the whole UTC hours covering [since, until), at most 168. */
  public static HourlyQuery between(Instant since, Instant until, UsageFilter filter) {
    TimeWindow window = TimeWindow.coveringHours(since, until, TimeWindow.MAX_HOURLY_HOURS);
    return new HourlyQuery((int) window.hours(), filter, Optional.of(window));
  }
}
