package dev.mcpusage.application.port.in;

import java.util.Objects;

/** Query: the {@code limit} (1 to 100) most searched knowledge sources of a period. */
public record TopSourcesQuery(PeriodQuery period, int limit) {

  /** Most sources one answer lists. */
  public static final int MAX_LIMIT = 100;

  /** The seed's "top 10". */
  public static final int DEFAULT_LIMIT = 10;

  public TopSourcesQuery {
    Objects.requireNonNull(period, "period");
    if (!isValidLimit(limit)) {
      throw new InvalidLimitException(limit, MAX_LIMIT);
    }
  }

  /** True for a limit a query accepts. */
  public static boolean isValidLimit(int limit) {
    return limit >= 1 && limit <= MAX_LIMIT;
  }
}
