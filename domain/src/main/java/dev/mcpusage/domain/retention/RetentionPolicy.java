package dev.mcpusage.domain.retention;

import dev.mcpusage.domain.bucket.DayBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Policy: events are kept {@code days} days. A day whose every instant is older than the cutoff is
 * expired and goes whole; the day holding the cutoff is trimmed; later days stay.
 */
public record RetentionPolicy(int days) {

  /** The seed's retention: 180 days. */
  public static final int DEFAULT_DAYS = 180;

  /** Shortest retention accepted (one day of history). */
  public static final int MIN_DAYS = 1;

  /** Longest retention accepted (ten years). */
  public static final int MAX_DAYS = 3650;

  public RetentionPolicy {
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "retention days must be between " + MIN_DAYS + " and " + MAX_DAYS + ", was " + days);
    }
  }

  /** The default policy of {@value #DEFAULT_DAYS} days. */
  public static RetentionPolicy standard() {
    return new RetentionPolicy(DEFAULT_DAYS);
  }

  /** Events stamped before this instant are expired. */
  public Instant cutoff(Instant now) {
    return now.minus(Duration.ofDays(days));
  }

  /**
   * The start of the day holding the cutoff: removing what is older takes the expired days whole
   * and trims nothing (events stay up to a day longer than the policy's days).
   */
  public Instant wholeDaysCutoff(Instant now) {
    return DayBucket.of(cutoff(now)).start();
  }

  /** True when every event of {@code day} is older than the cutoff. */
  public boolean isExpired(DayBucket day, Instant now) {
    return !day.end().isAfter(cutoff(now));
  }

  /** The expired days among {@code days}, ascending. */
  public List<DayBucket> expiredDays(Collection<DayBucket> days, Instant now) {
    return days.stream().filter(day -> isExpired(day, now)).sorted().toList();
  }

  /** The day that straddles the cutoff, unless the cutoff falls on midnight exactly. */
  public Optional<DayBucket> boundaryDay(Instant now) {
    Instant cutoff = cutoff(now);
    DayBucket day = DayBucket.of(cutoff);
    return day.start().equals(cutoff) ? Optional.empty() : Optional.of(day);
  }
}
