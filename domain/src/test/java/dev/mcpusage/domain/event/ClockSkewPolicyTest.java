package dev.mcpusage.domain.event;

import static dev.mcpusage.domain.event.UsageEventTestData.T0;
import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockSkewPolicyTest {

  private final ClockSkewPolicy policy = ClockSkewPolicy.standard();

  @Test
  void givenEventExactlyFiveMinutesAhead_check_accepts() {
    UsageEvent event = anEvent().timestamp(T0.plus(Duration.ofMinutes(5))).build();

    assertThatCode(() -> policy.check(event, T0)).doesNotThrowAnyException();
  }

  @Test
  void givenEventJustOverFiveMinutesAhead_check_rejectsNamingTimestamp() {
    UsageEvent event = anEvent().timestamp(T0.plus(Duration.ofMinutes(5)).plusMillis(1)).build();

    assertThatThrownBy(() -> policy.check(event, T0))
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("timestamp")
        .hasMessageContaining("5 minutes");
  }

  @Test
  void givenEventFromLastYear_check_accepts() {
    UsageEvent event = anEvent().timestamp(T0.minus(Duration.ofDays(365))).build();

    assertThatCode(() -> policy.check(event, T0)).doesNotThrowAnyException();
  }
}
