package dev.mcpusage.application.tracker;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.application.inmemory.InMemoryEventJournal;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.port.in.TrackerStatistics;
import dev.mcpusage.application.port.out.EventJournal;
import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageTrackerTest {

  private static final TrackerSettings FAST =
      new TrackerSettings(
          100_000,
          100,
          100,
          Duration.ofMillis(10),
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          300,
          Duration.ofMinutes(1));

  private final InMemoryUsageEvents stored = new InMemoryUsageEvents();
  private final SwitchableSink sink = new SwitchableSink(new InMemoryUsageEventSink(stored));
  private final InMemoryEventJournal journal = new InMemoryEventJournal(1_000_000);
  private UsageTracker tracker = trackerWith(FAST);

  @AfterEach
  void closeTracker() {
    tracker.close(Duration.ofSeconds(5));
  }

  @Test
  void givenCallsFromManyThreads_track_storesEveryOneOnce() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    CountDownLatch done = new CountDownLatch(8);
    for (int t = 0; t < 8; t++) {
      callers.execute(
          () -> {
            for (int i = 0; i < 2_500; i++) {
              tracker.track(anEvent().timestamp(Instant.now()));
            }
            done.countDown();
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    callers.shutdown();

    awaitStatistics(s -> s.written() == 20_000);
    TrackerStatistics stats = tracker.statistics();
    assertThat(stats.accepted()).isEqualTo(20_000);
    assertThat(stats.backlog()).isZero();
    assertThat(stats.writes()).isGreaterThan(0);
    assertThat(stats.writeNanosTotal()).isGreaterThan(0);
    assertThat(stored.all()).hasSize(20_000);
  }

  @Test
  void givenTheStoreDown_track_retriesSpoolsBeyondTheMemoryBoundAndReplaysExactlyOnce() {
    sink.down = true;
    for (int i = 0; i < 1_000; i++) {
      tracker.track(anEvent().timestamp(Instant.now()));
    }
    awaitStatistics(s -> s.spooled() >= 700 && s.queueDepth() == 0);
    assertThat(tracker.statistics().storeHealthy()).isFalse();
    assertThat(tracker.statistics().lastError()).contains("database is down");
    assertThat(tracker.statistics().retried()).isGreaterThan(0);
    assertThat(stored.all()).isEmpty();

    sink.down = false;

    awaitStatistics(s -> s.backlog() == 0);
    TrackerStatistics stats = tracker.statistics();
    assertThat(stored.all()).hasSize(1_000);
    assertThat(stats.written()).isEqualTo(1_000);
    assertThat(stats.replayed()).isEqualTo(stats.spooled());
    assertThat(stats.dropped()).isZero();
    assertThat(stats.storeHealthy()).isTrue();
  }

  @Test
  void givenTheStoreDownAtShutdown_close_spoolsEverythingAndTheNextTrackerReplaysIt() {
    sink.down = true;
    for (int i = 0; i < 250; i++) {
      tracker.track(anEvent().timestamp(Instant.now()));
    }
    assertThat(tracker.close(Duration.ofSeconds(5))).isTrue();
    assertThat(journal.pendingEvents()).isEqualTo(250);

    sink.down = false;
    tracker = trackerWith(FAST);
    tracker.start();

    awaitStatistics(s -> s.replayed() == 250 && s.journalEvents() == 0);
    assertThat(stored.all()).hasSize(250);
  }

  @Test
  void givenAReplayOfEventsAlreadyStored_track_countsThemAsDuplicatesNotTwice() {
    UsageEvent event = anEvent().timestamp(Instant.now()).build();
    tracker.track(event);
    tracker.track(event);

    awaitStatistics(s -> s.written() + s.duplicates() == 2);
    assertThat(tracker.statistics().written()).isEqualTo(1);
    assertThat(tracker.statistics().duplicates()).isEqualTo(1);
    assertThat(stored.all()).hasSize(1);
  }

  @Test
  void givenAFullQueue_track_dropsAndCountsInsteadOfBlocking() throws Exception {
    HeldSink stuck = new HeldSink();
    replaceTracker(
        stuck,
        new TrackerSettings(
            10,
            1,
            1,
            Duration.ofMillis(1),
            Duration.ofMillis(10),
            Duration.ofMillis(10),
            1_000,
            Duration.ofMinutes(1)));
    tracker.track(anEvent().timestamp(Instant.now()));
    assertThat(awaitQuietly(stuck.writerInside)).isTrue();

    int taken = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 25; i++) {
      taken += tracker.track(anEvent().timestamp(Instant.now())) ? 1 : 0;
    }
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    stuck.release.countDown();

    TrackerStatistics stats = tracker.statistics();
    assertThat(taken).isEqualTo(10);
    assertThat(stats.accepted()).isEqualTo(11);
    assertThat(stats.droppedByReason()).containsEntry("queue_full", 15L);
    assertThat(tookMillis).as("callers never wait for the stuck store").isLessThan(1_000);
  }

  @Test
  void givenAWriterBehind_track_writesTheBacklogInBatchesUpToTheLargest() {
    HeldSink slowFirst = new HeldSink();
    replaceTracker(slowFirst, FAST.withBatching(10, 50, Duration.ofMillis(1)));
    tracker.track(anEvent().timestamp(Instant.now()));
    assertThat(awaitQuietly(slowFirst.writerInside)).isTrue();
    for (int i = 0; i < 120; i++) {
      tracker.track(anEvent().timestamp(Instant.now()));
    }
    slowFirst.release.countDown();

    awaitStatistics(s -> s.written() == 121);
    assertThat(slowFirst.batchSizes).containsExactly(1, 50, 50, 20);
  }

  @Test
  void givenAFullJournal_track_countsTheOverflowAsDropped() {
    InMemoryEventJournal tiny = new InMemoryEventJournal(100);
    tracker.close(Duration.ofSeconds(5));
    tracker = trackerWith(sink, tiny, FAST);
    sink.down = true;
    for (int i = 0; i < 500; i++) {
      tracker.track(anEvent().timestamp(Instant.now()));
    }
    tracker.close(Duration.ofSeconds(5));

    TrackerStatistics stats = tracker.statistics();
    assertThat(stats.spooled()).isPositive().isLessThanOrEqualTo(100);
    assertThat(stats.droppedByReason()).containsOnlyKeys("journal_full");
    assertThat(stats.spooled() + stats.dropped()).isEqualTo(500);
    assertThat(tiny.pendingEvents()).isEqualTo(stats.spooled());
  }

  @Test
  void givenInvalidEvents_track_countsThemByFieldAndKeepsTheRest() {
    tracker.track(anEvent().toolName(" "));
    tracker.track(anEvent().timestamp(Instant.now().plus(Duration.ofHours(2))));
    tracker.track(anEvent().timestamp(Instant.now()).requestMetadata(Map.of("token", "s3cret")));

    awaitStatistics(s -> s.written() == 1 && s.rejected() == 2);
    assertThat(tracker.statistics().rejectedByField())
        .containsEntry("tool_name", 1L)
        .containsEntry("timestamp", 1L);
    assertThat(stored.all())
        .singleElement()
        .satisfies(
            e -> assertThat(e.requestMetadata()).containsEntry("token", PrivacyPolicy.REDACTED));
  }

  @Test
  void givenAStoreThatRefusesSomeEvents_track_countsThemAsRejectedByField() {
    tracker.close(Duration.ofSeconds(5));
    UsageEventSink refusingOdd =
        events -> {
          List<UsageEventSink.Refusal> refused = new ArrayList<>();
          for (int i = 1; i < events.size(); i += 2) {
            refused.add(new UsageEventSink.Refusal(i, "server_name", "unknown server"));
          }
          return new UsageEventSink.AppendResult(events.size() - refused.size(), 0, refused);
        };
    tracker = trackerWith(refusingOdd, journal, FAST);
    for (int i = 0; i < 4; i++) {
      tracker.track(anEvent().timestamp(Instant.now()));
    }

    awaitStatistics(s -> s.written() + s.rejected() == 4);
    assertThat(tracker.statistics().rejectedByField()).containsOnlyKeys("server_name");
    assertThat(tracker.statistics().written() + tracker.statistics().rejected()).isEqualTo(4);
    assertThat(tracker.statistics().rejected()).isPositive();
  }

  @Test
  void afterClose_track_refusesAndCountsTheEventAsDropped() {
    tracker.track(anEvent().timestamp(Instant.now()));
    tracker.close(Duration.ofSeconds(5));

    assertThat(tracker.track(anEvent().timestamp(Instant.now()))).isFalse();
    assertThat(stored.all()).hasSize(1);
    assertThat(tracker.statistics().droppedByReason()).containsEntry("closed", 1L);
  }

  private void replaceTracker(UsageEventSink into, TrackerSettings settings) {
    tracker.close(Duration.ofSeconds(5));
    tracker = trackerWith(into, journal, settings);
  }

  private UsageTracker trackerWith(TrackerSettings settings) {
    return trackerWith(sink, journal, settings);
  }

  private static UsageTracker trackerWith(
      UsageEventSink into, EventJournal spool, TrackerSettings settings) {
    return new UsageTracker(
        into,
        spool,
        ClockSkewPolicy.standard(),
        PrivacyPolicy.standard(),
        Clock.systemUTC(),
        settings);
  }

  private void awaitStatistics(Predicate<TrackerStatistics> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.test(tracker.statistics())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("tracker never reached the state; last: " + tracker.statistics());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A sink whose writes wait until {@link #release} opens; it records each batch's size. */
  private static final class HeldSink implements UsageEventSink {
    final CountDownLatch writerInside = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @Override
    public AppendResult append(List<UsageEvent> events) {
      batchSizes.add(events.size());
      writerInside.countDown();
      awaitQuietly(release);
      return new AppendResult(events.size(), 0);
    }
  }

  /** A sink that fails like an unreachable database while {@link #down} is set. */
  private static final class SwitchableSink implements UsageEventSink {
    private final UsageEventSink delegate;
    volatile boolean down;

    SwitchableSink(UsageEventSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public AppendResult append(List<UsageEvent> events) {
      if (down) {
        throw new StoreUnavailableException("database is down", null);
      }
      return delegate.append(events);
    }
  }
}
