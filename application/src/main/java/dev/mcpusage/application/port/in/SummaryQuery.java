package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import dev.mcpusage.domain.window.TimeWindow;
import java.util.Objects;

/** Query: the summary of the last {@code hours} hours (1 to 4320), optionally filtered. */
public record SummaryQuery(int hours, UsageFilter filter) {

  public SummaryQuery {
    Objects.requireNonNull(filter, "filter");
    if (!TimeWindow.isValidSummaryHours(hours)) {
      throw new InvalidTimeWindowException("hours", 1, TimeWindow.MAX_SUMMARY_HOURS, hours);
    }
  }

  /** The unfiltered summary of the last {@code hours} hours. */
  public static SummaryQuery lastHours(int hours) {
    return new SummaryQuery(hours, UsageFilter.NONE);
  }
}
