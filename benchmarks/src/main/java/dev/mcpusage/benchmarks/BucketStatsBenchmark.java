package dev.mcpusage.benchmarks;

import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.stats.BucketStats;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark: the domain's hot paths when a reader merges rollup rows — merging two buckets'
 * statistics (histogram included) and reading p50/p95/p99 from a merged bucket.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BucketStatsBenchmark {

  private BucketStats left;
  private BucketStats right;

  @Setup
  public void buildBuckets() {
    Random random = new Random(1);
    left = bucketOf(random, 5_000);
    right = bucketOf(random, 5_000);
  }

  @Benchmark
  public BucketStats mergeTwoBuckets() {
    return left.merge(right);
  }

  @Benchmark
  public Object percentilesOfAMergedBucket() {
    return left.percentiles();
  }

  private static BucketStats bucketOf(Random random, int calls) {
    BucketStats stats = BucketStats.EMPTY;
    Instant t = Instant.parse("2026-03-10T12:00:00Z");
    for (int i = 0; i < calls; i++) {
      stats =
          stats.merge(
              BucketStats.of(
                  UsageEvent.builder()
                      .timestamp(t.plusMillis(i))
                      .toolName("rag_search_knowledge_base")
                      .toolCategory("rag")
                      .responseTimeMs((int) Math.exp(random.nextGaussian() + 5))
                      .build()));
    }
    return stats;
  }
}
