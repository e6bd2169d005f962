package dev.mcpusage.domain.stats;

import static dev.mcpusage.domain.event.UsageEventTestData.T0;
import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.domain.latency.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketStatsTest {

  @Test
  void merge_givesTheSameTotalsForAnyGrouping() {
    Random random = new Random(11);
    List<BucketStats> parts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      parts.add(
          BucketStats.of(
              anEvent()
                  .timestamp(T0.plusSeconds(random.nextInt(7200) - 3600))
                  .responseTimeMs(random.nextInt(5000))
                  .success(random.nextInt(10) > 0)
                  .build()));
    }

    BucketStats leftFold = parts.stream().reduce(BucketStats.EMPTY, BucketStats::merge);
    BucketStats pairwise = BucketStats.EMPTY;
    for (int i = 0; i < parts.size(); i += 2) {
      pairwise = pairwise.merge(parts.get(i).merge(parts.get(i + 1)));
    }
    BucketStats reversed = BucketStats.EMPTY;
    for (int i = parts.size() - 1; i >= 0; i--) {
      reversed = parts.get(i).merge(reversed);
    }

    assertThat(pairwise).isEqualTo(leftFold);
    assertThat(reversed).isEqualTo(leftFold);
    assertThat(leftFold.callCount()).isEqualTo(60);
  }

  @Test
  void givenEmptyBucket_derivedFigures_areZero() {
    assertThat(BucketStats.EMPTY.successRatePercent()).isZero();
    assertThat(BucketStats.EMPTY.errorRatePercent()).isZero();
    assertThat(BucketStats.EMPTY.averageResponseTimeMs()).isZero();
    assertThat(BucketStats.EMPTY.percentiles()).isEqualTo(Percentiles.NONE);
    assertThat(BucketStats.EMPTY.merge(BucketStats.EMPTY)).isEqualTo(BucketStats.EMPTY);
  }

  @Test
  void givenTwoCallsOneFailed_stats_reportHalfSuccessAndTheExtremes() {
    BucketStats stats =
        BucketStats.of(anEvent().responseTimeMs(10).timestamp(T0).build())
            .merge(
                BucketStats.of(
                    anEvent()
                        .responseTimeMs(30)
                        .success(false)
                        .timestamp(T0.plusSeconds(5))
                        .build()));

    assertThat(stats.successRatePercent()).isEqualTo(50.0);
    assertThat(stats.errorRatePercent()).isEqualTo(50.0);
    assertThat(stats.averageResponseTimeMs()).isEqualTo(20.0);
    assertThat(stats.minResponseTimeMs()).isEqualTo(10);
    assertThat(stats.maxResponseTimeMs()).isEqualTo(30);
    assertThat(stats.firstCallAt()).contains(T0);
    assertThat(stats.lastCallAt()).contains(T0.plusSeconds(5));
  }

  @Test
  void givenOneCall_percentiles_areExactlyItsLatency() {
    BucketStats stats = BucketStats.of(anEvent().responseTimeMs(1234).build());

    assertThat(stats.percentiles()).isEqualTo(new Percentiles(1234, 1234, 1234));
  }
}
