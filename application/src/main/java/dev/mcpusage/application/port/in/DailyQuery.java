package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import dev.mcpusage.domain.window.TimeWindow;
import java.util.Objects;

/** Query: the daily series of the last {@code days} UTC days (1 to 180), optionally filtered. */
public record DailyQuery(int days, UsageFilter filter) {

  public DailyQuery {
    Objects.requireNonNull(filter, "filter");
    if (!TimeWindow.isValidDays(days)) {
      throw new InvalidTimeWindowException("days", 1, TimeWindow.MAX_DAYS, days);
    }
  }
}
