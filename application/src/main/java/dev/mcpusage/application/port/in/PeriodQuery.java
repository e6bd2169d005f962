package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import dev.mcpusage.domain.window.TimeWindow;
import java.util.Objects;

/**
 * Query: a period of the last {@code hours} hours (1 to 4320), optionally filtered — for summaries
 * and breakdowns.
 */
public record PeriodQuery(int hours, UsageFilter filter) {

  public PeriodQuery {
    Objects.requireNonNull(filter, "filter");
    if (!TimeWindow.isValidSummaryHours(hours)) {
      throw new InvalidTimeWindowException("hours", 1, TimeWindow.MAX_SUMMARY_HOURS, hours);
    }
  }

  /** The unfiltered last {@code hours} hours. */
  public static PeriodQuery lastHours(int hours) {
    return new PeriodQuery(hours, UsageFilter.NONE);
  }
}
