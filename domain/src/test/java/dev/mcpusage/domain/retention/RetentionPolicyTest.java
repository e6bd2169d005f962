package dev.mcpusage.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpusage.domain.bucket.DayBucket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
  private final RetentionPolicy policy = RetentionPolicy.standard();

  @Test
  void cutoff_is180DaysBeforeNow() {
    assertThat(policy.cutoff(NOW)).isEqualTo(Instant.parse("2026-05-29T06:00:00Z"));
  }

  @Test
  void givenDaysAroundTheCutoff_onlyWhollyOlderDaysAreExpired() {
    DayBucket wellBefore = new DayBucket(LocalDate.of(2026, 5, 1));
    DayBucket dayBefore = new DayBucket(LocalDate.of(2026, 5, 28));
    DayBucket boundary = new DayBucket(LocalDate.of(2026, 5, 29));
    DayBucket after = new DayBucket(LocalDate.of(2026, 5, 30));

    List<DayBucket> expired =
        policy.expiredDays(List.of(after, boundary, dayBefore, wellBefore), NOW);

    assertThat(expired).containsExactly(wellBefore, dayBefore);
    assertThat(policy.boundaryDay(NOW)).contains(boundary);
  }

  @Test
  void givenCutoffAtMidnight_thereIsNoBoundaryDay_andTheDayBeforeIsExpired() {
    Instant midnight = Instant.parse("2026-11-25T00:00:00Z");

    assertThat(policy.boundaryDay(midnight)).isEmpty();
    assertThat(policy.isExpired(new DayBucket(LocalDate.of(2026, 5, 28)), midnight)).isTrue();
    assertThat(policy.isExpired(new DayBucket(LocalDate.of(2026, 5, 29)), midnight)).isFalse();
  }

  @Test
  void wholeDaysCutoff_isMidnightOfTheBoundaryDay_soNoDayIsTrimmed() {
    assertThat(policy.wholeDaysCutoff(NOW))
        .isEqualTo(policy.boundaryDay(NOW).orElseThrow().start());
    assertThat(policy.wholeDaysCutoff(NOW)).isBefore(policy.cutoff(NOW));
    Instant midnight = Instant.parse("2026-11-25T00:00:00Z");
    assertThat(policy.wholeDaysCutoff(midnight)).isEqualTo(policy.cutoff(midnight));
  }

  @Test
  void givenZeroDays_policy_isRejected() {
    assertThatThrownBy(() -> new RetentionPolicy(0)).hasMessageContaining("between 1 and 3650");
  }
}
