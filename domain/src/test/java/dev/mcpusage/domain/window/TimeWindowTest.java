package dev.mcpusage.domain.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWindowTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:34:56Z");

  @Test
  void givenOneHour_hourlyWindow_isTheCurrentHour() {
    TimeWindow window = TimeWindow.forHourlySeries(1, NOW);

    assertThat(window.from()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
    assertThat(window.to()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
  }

  @Test
  void given24Hours_window_spans24WholeHoursEndingWithTheCurrentOne() {
    TimeWindow window = TimeWindow.forSummary(24, NOW);

    assertThat(window.from()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
    assertThat(window.hours()).isEqualTo(24);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 169, Integer.MIN_VALUE})
  void givenHoursOutOfRange_hourlyWindow_isRejectedWithTheRange(int hours) {
    assertThatThrownBy(() -> TimeWindow.forHourlySeries(hours, NOW))
        .isInstanceOf(InvalidTimeWindowException.class)
        .hasMessage("hours must be between 1 and 168, was " + hours);
  }

  @Test
  void givenMaximumHours_windows_areAccepted() {
    assertThat(TimeWindow.forHourlySeries(168, NOW).hours()).isEqualTo(168);
    assertThat(TimeWindow.forSummary(4320, NOW).hours()).isEqualTo(4320);
  }

  @Test
  void givenTooManySummaryHours_summaryWindow_isRejected() {
    assertThatThrownBy(() -> TimeWindow.forSummary(4321, NOW))
        .hasMessage("hours must be between 1 and 4320, was 4321");
  }

  @Test
  void givenSevenDays_dailyWindow_startsSixMidnightsAgoAndEndsTonight() {
    TimeWindow window = TimeWindow.forDailySeries(7, NOW);

    assertThat(window.from()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    assertThat(window.to()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 181})
  void givenDaysOutOfRange_dailyWindow_isRejected(int days) {
    assertThatThrownBy(() -> TimeWindow.forDailySeries(days, NOW))
        .hasMessage("days must be between 1 and 180, was " + days);
  }

  @Test
  void contains_isHalfOpen() {
    TimeWindow window = TimeWindow.forHourlySeries(1, NOW);

    assertThat(window.contains(window.from())).isTrue();
    assertThat(window.contains(window.to())).isFalse();
  }

  @Test
  void givenTwoDaysOfHours_wholeDays_isTheMiddleDay_andTheEdgesAreTheRest() {
    TimeWindow window = TimeWindow.forSummary(48, NOW);

    assertThat(window.wholeDays())
        .contains(
            new TimeWindow(
                Instant.parse("2026-03-09T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z")));
    assertThat(window.partialDays())
        .containsExactly(
            new TimeWindow(
                Instant.parse("2026-03-08T13:00:00Z"), Instant.parse("2026-03-09T00:00:00Z")),
            new TimeWindow(
                Instant.parse("2026-03-10T00:00:00Z"), Instant.parse("2026-03-10T13:00:00Z")));
  }

  @Test
  void givenWindowInsideOneDay_wholeDays_isEmpty_andTheWindowIsItsOwnEdge() {
    TimeWindow window = TimeWindow.forSummary(5, NOW);

    assertThat(window.wholeDays()).isEmpty();
    assertThat(window.partialDays()).containsExactly(window);
  }

  @Test
  void givenDailyWindow_wholeDays_isTheWindowItself() {
    TimeWindow window = TimeWindow.forDailySeries(3, NOW);

    assertThat(window.wholeDays()).contains(window);
    assertThat(window.partialDays()).isEmpty();
  }

  @Test
  void coveringHoursAndDays_roundOutwardToWholeBuckets_andRefuseTooLongASpan() {
    java.time.Instant since = java.time.Instant.parse("2026-11-20T10:15:00Z");
    java.time.Instant until = java.time.Instant.parse("2026-11-21T08:00:00Z");

    TimeWindow hours = TimeWindow.coveringHours(since, until, TimeWindow.MAX_SUMMARY_HOURS);
    TimeWindow days = TimeWindow.coveringDays(since, until);

    assertThat(hours.from()).isEqualTo(java.time.Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(hours.to()).isEqualTo(until);
    assertThat(hours.hours()).isEqualTo(22);
    assertThat(days.from()).isEqualTo(java.time.Instant.parse("2026-11-20T00:00:00Z"));
    assertThat(days.to()).isEqualTo(java.time.Instant.parse("2026-11-22T00:00:00Z"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TimeWindow.coveringHours(since, until, TimeWindow.MAX_HOURLY_HOURS / 8))
        .isInstanceOf(InvalidTimeWindowException.class)
        .hasMessageContaining("the hours from since to until must be between 1 and 21, was 22");
  }
}
