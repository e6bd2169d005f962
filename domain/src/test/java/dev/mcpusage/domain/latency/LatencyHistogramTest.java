package dev.mcpusage.domain.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void everyLatencyUpToOneHour_isRepresentedWithinTheStatedRelativeError() {
    for (int ms = 1; ms < LatencyHistogram.EXACT_UP_TO_MS; ms++) {
      int estimate = LatencyHistogram.representative(LatencyHistogram.bucketIndex(ms));
      double error = Math.abs(estimate - ms) / (double) ms;
      if (error > LatencyHistogram.RELATIVE_ERROR) {
        throw new AssertionError(ms + " ms is reported as " + estimate + " (error " + error + ")");
      }
    }
  }

  @Test
  void smallLatencies_areExact() {
    for (int ms = 0; ms <= 10; ms++) {
      assertThat(LatencyHistogram.representative(LatencyHistogram.bucketIndex(ms))).isEqualTo(ms);
    }
  }

  @Test
  void bounds_startAtZero_growByAtMostTwentyPercent() {
    List<Integer> bounds = LatencyHistogram.lowerBounds();

    assertThat(bounds.get(0)).isZero();
    assertThat(bounds).isSorted().doesNotHaveDuplicates().hasSize(LatencyHistogram.BUCKET_COUNT);
    for (int i = 2; i < bounds.size() - 1; i++) {
      int lo = bounds.get(i);
      int hiInclusive = bounds.get(i + 1) - 1;
      assertThat(hiInclusive).isLessThanOrEqualTo((int) (lo * 1.2));
    }
  }

  @Test
  void givenLatencyAboveOneHour_bucketIndex_isTheOverflowBucket() {
    assertThat(LatencyHistogram.bucketIndex(Integer.MAX_VALUE))
        .isEqualTo(LatencyHistogram.BUCKET_COUNT - 1);
  }

  @Test
  void givenRandomLatencies_percentiles_areWithinStatedErrorOfExactNearestRank() {
    Random random = new Random(7);
    int[] values = new int[10_000];
    LatencyHistogram histogram = LatencyHistogram.empty();
    for (int i = 0; i < values.length; i++) {
      values[i] = (int) Math.exp(random.nextGaussian() * 1.5 + 4);
      histogram = histogram.with(values[i]);
    }
    Arrays.sort(values);

    for (double p : new double[] {0.5, 0.95, 0.99}) {
      int exact = values[(int) Math.ceil(p * values.length) - 1];
      int estimate = histogram.percentile(p).orElseThrow();
      assertThat((double) Math.abs(estimate - exact))
          .isLessThanOrEqualTo(LatencyHistogram.RELATIVE_ERROR * exact);
    }
  }

  @Test
  void merge_isAssociativeAndCommutative_withEmptyAsIdentity() {
    LatencyHistogram a = LatencyHistogram.of(3).with(700);
    LatencyHistogram b = LatencyHistogram.of(12_000);
    LatencyHistogram c = LatencyHistogram.of(0).with(3);

    assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
    assertThat(a.merge(b)).isEqualTo(b.merge(a));
    assertThat(a.merge(LatencyHistogram.empty())).isEqualTo(a);
    assertThat(a.merge(b).merge(c).total()).isEqualTo(5);
  }

  @Test
  void givenEmptyHistogram_percentile_isAbsent() {
    assertThat(LatencyHistogram.empty().percentile(0.5)).isEmpty();
  }

  @Test
  void givenWrongNumberOfStoredCounts_ofCounts_rejects() {
    assertThatThrownBy(() -> LatencyHistogram.ofCounts(new long[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(LatencyHistogram.BUCKET_COUNT));
  }
}
