package dev.mcpusage.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  private static final Instant AT = Instant.parse("2026-11-29T12:34:56.789Z");

  @Test
  void timeOrdered_isAVersion7UuidOfTheEventsMillisecond() {
    UUID id = EventIds.timeOrdered(AT);

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
  }

  @Test
  void idsOfLaterEvents_sortAfterEarlierOnes_whateverTheirRandomBits() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      ids.add(EventIds.timeOrdered(AT.plusMillis(i)));
    }

    assertThat(ids).isSorted();
    assertThat(ids.stream().map(UUID::toString).toList()).isSorted();
  }

  @Test
  void sameTimestampAndBits_giveTheSameId_otherBitsAnother() {
    assertThat(EventIds.timeOrdered(AT, 1, 2)).isEqualTo(EventIds.timeOrdered(AT, 1, 2));
    assertThat(EventIds.timeOrdered(AT, 1, 2)).isNotEqualTo(EventIds.timeOrdered(AT, 1, 3));
    assertThat(EventIds.timeOrdered(AT)).isNotEqualTo(EventIds.timeOrdered(AT));
  }

  @Test
  void anEventBuiltWithoutAnId_getsATimeOrderedOne_aGivenIdIsKept() {
    UsageEvent.Builder builder =
        UsageEvent.builder().timestamp(AT).toolName("t").toolCategory("c").responseTimeMs(1);
    UUID given = UUID.fromString("00000000-0000-4000-8000-000000000001");

    assertThat(builder.build().id().version()).isEqualTo(7);
    assertThat(builder.build().id().getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
    assertThat(builder.id(given).build().id()).isEqualTo(given);
  }
}
