package dev.mcpusage.domain.bucket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** Value: one UTC calendar day, the unit of daily rollups and of event partitions. */
public record DayBucket(LocalDate date) implements Comparable<DayBucket> {

  public DayBucket {
    Objects.requireNonNull(date, "date");
  }

  /** The UTC day that contains {@code instant}. */
  public static DayBucket of(Instant instant) {
    return new DayBucket(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  /** Midnight UTC opening this day. */
  public Instant start() {
    return date.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Midnight UTC closing this day (the start of the next). */
  public Instant end() {
    return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The day after this one. */
  public DayBucket next() {
    return new DayBucket(date.plusDays(1));
  }

  /** True when {@code instant} falls in this day. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  @Override
  public int compareTo(DayBucket other) {
    return date.compareTo(other.date);
  }
}
