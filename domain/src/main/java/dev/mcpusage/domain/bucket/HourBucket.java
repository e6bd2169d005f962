package dev.mcpusage.domain.bucket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Value: one UTC hour, named by its first instant. UTC has no DST, so every hour is 3600 s. */
public record HourBucket(Instant start) implements Comparable<HourBucket> {

  public HourBucket {
    Objects.requireNonNull(start, "start");
    if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
      throw new IllegalArgumentException("an hour bucket starts on a whole UTC hour: " + start);
    }
  }

  /** The hour that contains {@code instant}. */
  public static HourBucket of(Instant instant) {
    return new HourBucket(instant.truncatedTo(ChronoUnit.HOURS));
  }

  /** The first instant after this hour. */
  public Instant end() {
    return start.plus(1, ChronoUnit.HOURS);
  }

  /** The hour after this one. */
  public HourBucket next() {
    return new HourBucket(end());
  }

  /** The UTC day this hour belongs to. */
  public DayBucket day() {
    return DayBucket.of(start);
  }

  @Override
  public int compareTo(HourBucket other) {
    return start.compareTo(other.start);
  }
}
