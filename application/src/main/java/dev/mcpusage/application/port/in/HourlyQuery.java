package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import dev.mcpusage.domain.window.TimeWindow;
import java.util.Objects;

/** Query: the hourly series of the last {@code hours} hours (1 to 168), optionally filtered. */
public record HourlyQuery(int hours, UsageFilter filter) {

  public HourlyQuery {
    Objects.requireNonNull(filter, "filter");
    if (!TimeWindow.isValidHourlyHours(hours)) {
      throw new InvalidTimeWindowException("hours", 1, TimeWindow.MAX_HOURLY_HOURS, hours);
    }
  }
}
