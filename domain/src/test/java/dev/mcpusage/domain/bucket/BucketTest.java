package dev.mcpusage.domain.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BucketTest {

  @Test
  void givenLastMillisecondOfAnHour_hourBucket_isThatHour() {
    HourBucket bucket = HourBucket.of(Instant.parse("2026-03-10T12:59:59.999Z"));

    assertThat(bucket.start()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
  }

  @Test
  void givenTopOfTheHour_hourBucket_startsThere() {
    HourBucket bucket = HourBucket.of(Instant.parse("2026-03-10T13:00:00Z"));

    assertThat(bucket.start()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
    assertThat(bucket.end()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
  }

  @Test
  void givenLastHourOfTheYear_next_isMidnightOfNewYear() {
    HourBucket bucket = HourBucket.of(Instant.parse("2026-12-31T23:10:00Z"));

    assertThat(bucket.next().start()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(bucket.day().date()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(bucket.next().day().date()).isEqualTo(LocalDate.of(2027, 1, 1));
  }

  @Test
  void givenEuropeanDstSwitchNight_utcHours_allLastOneHour() {
    Instant start = Instant.parse("2026-03-29T00:00:00Z");
    HourBucket bucket = HourBucket.of(start);

    for (int i = 0; i < 24; i++) {
      assertThat(bucket.end().getEpochSecond() - bucket.start().getEpochSecond()).isEqualTo(3600);
      bucket = bucket.next();
    }
    assertThat(bucket.start()).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
  }

  @Test
  void givenNonAlignedInstant_hourBucketConstructor_rejects() {
    assertThatThrownBy(() -> new HourBucket(Instant.parse("2026-03-10T12:00:01Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenJustBeforeAndAtMidnight_dayBucket_splitsTheDays() {
    DayBucket before = DayBucket.of(Instant.parse("2026-02-28T23:59:59.999Z"));
    DayBucket at = DayBucket.of(Instant.parse("2026-03-01T00:00:00Z"));

    assertThat(before.date()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(at.date()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(before.next()).isEqualTo(at);
  }

  @Test
  void givenLeapDay_dayBucket_spans24Hours() {
    DayBucket leap = new DayBucket(LocalDate.of(2028, 2, 29));

    assertThat(leap.start()).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
    assertThat(leap.end()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
    assertThat(leap.contains(Instant.parse("2028-02-29T23:59:59Z"))).isTrue();
    assertThat(leap.contains(leap.end())).isFalse();
  }
}
