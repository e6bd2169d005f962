package dev.mcpusage.benchmarks;

import dev.mcpusage.application.inmemory.InMemoryEventJournal;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.application.tracker.TrackerSettings;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmark: what {@code tracker.track(event)} costs the caller's thread, beside a plain {@code
 * ConcurrentLinkedQueue.offer} and a Micrometer {@code Timer.record} as references. Each call is
 * followed by the same fixed amount of busy work ({@link #PACING_TOKENS}), measured alone by {@code
 * pacingOnly}, so the writer keeps up and no event is dropped — a tracker whose queue is full
 * returns faster, which would flatter it. The tear-down prints the tracker's counters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrackerBenchmark {

  static final long PACING_TOKENS = 1_000;

  private UsageTracker tracker;
  private ConcurrentLinkedQueue<UsageEvent> queue;
  private Thread drainer;
  private volatile boolean draining;
  private Timer timer;
  private UsageEvent[] events;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    UsageEventSink noOp = batch -> new UsageEventSink.AppendResult(batch.size(), 0);
    tracker =
        new UsageTracker(
            noOp,
            new InMemoryEventJournal(1_000_000),
            ClockSkewPolicy.standard(),
            PrivacyPolicy.standard(),
            Clock.systemUTC(),
            TrackerSettings.standard());
    tracker.start();
    queue = new ConcurrentLinkedQueue<>();
    draining = true;
    drainer =
        new Thread(
            () -> {
              // drains like the tracker's writer: everything queued, then a short park
              while (draining) {
                while (queue.poll() != null) {
                  // discard
                }
                LockSupport.parkNanos(200_000);
              }
            });
    drainer.setDaemon(true);
    drainer.start();
    timer = Timer.builder("tool.calls").register(new SimpleMeterRegistry());
    events = new UsageEvent[1024];
    for (int i = 0; i < events.length; i++) {
      events[i] = BenchmarkEvents.searchCall("session-" + i % 17);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    tracker.close(Duration.ofSeconds(30));
    System.out.println();
    System.out.println("tracker after the run: " + tracker.statistics());
    draining = false;
    drainer.join();
  }

  @Benchmark
  public void pacingOnly() {
    Blackhole.consumeCPU(PACING_TOKENS);
  }

  @Benchmark
  public boolean trackerTrack() {
    boolean taken = tracker.track(events[next++ & 1023]);
    Blackhole.consumeCPU(PACING_TOKENS);
    return taken;
  }

  @Benchmark
  public boolean concurrentLinkedQueueOffer() {
    boolean taken = queue.offer(events[next++ & 1023]);
    Blackhole.consumeCPU(PACING_TOKENS);
    return taken;
  }

  @Benchmark
  public void micrometerTimerRecord() {
    timer.record(42, TimeUnit.MILLISECONDS);
    Blackhole.consumeCPU(PACING_TOKENS);
  }
}
