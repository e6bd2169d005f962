package dev.mcpusage.application.tracker;

import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.application.port.in.TrackerStatistics;
import dev.mcpusage.application.port.out.EventJournal;
import dev.mcpusage.application.port.out.JournalFullException;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.Adjustment;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.event.InvalidUsageEventException;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service: the record-usage use case for tool threads — a bounded lock-free queue drained in
 * batches by one writer thread, which retries with backoff while the store is down, spools to the
 * journal once its memory bound is reached, and replays the journal when the store is back.
 *
 * <p>The caller's thread only enqueues; the privacy policy and the clock check run on the writer.
 */
public final class UsageTracker implements TrackUsage, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UsageTracker.class);
  private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final UsageEventSink sink;
  private final EventJournal journal;
  private final ClockSkewPolicy clockSkew;
  private final PrivacyPolicy privacy;
  private final Clock clock;
  private final TrackerSettings settings;

  private final ConcurrentLinkedQueue<UsageEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger depth = new AtomicInteger();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong retryingEvents = new AtomicLong();
  private final TrackerCounters counters = new TrackerCounters();
  private final Thread writer;
  private volatile boolean closing;
  private volatile boolean storeHealthy = true;
  private volatile String lastError;

  // state of the writer thread only
  private final Deque<List<UsageEvent>> retrying = new ArrayDeque<>();
  private long backoffNanos;
  private long nextAttemptNanos;
  private long lastReportNanos;
  private long lastReportedAccepted = -1;

  public UsageTracker(
      UsageEventSink sink,
      EventJournal journal,
      ClockSkewPolicy clockSkew,
      PrivacyPolicy privacy,
      Clock clock,
      TrackerSettings settings) {
    this.sink = sink;
    this.journal = journal;
    this.clockSkew = clockSkew;
    this.privacy = privacy;
    this.clock = clock;
    this.settings = settings;
    this.backoffNanos = settings.minBackoff().toNanos();
    this.writer = new Thread(this::runWriter, "mcp-usage-writer");
    writer.setDaemon(true);
  }

  /** Starts the writer now (it also starts with the first event), which replays the journal. */
  public void start() {
    if (started.compareAndSet(false, true)) {
      lastReportNanos = System.nanoTime();
      writer.start();
    }
  }

  @Override
  public boolean track(UsageEvent event) {
    if (event == null) {
      counters.rejected("event");
      return false;
    }
    if (closing) {
      counters.dropped("closed", 1);
      return false;
    }
    int queued = depth.incrementAndGet();
    if (queued > settings.queueCapacity()) {
      depth.decrementAndGet();
      counters.dropped("queue_full", 1);
      return false;
    }
    queue.offer(event);
    counters.accepted();
    if (!started.get()) {
      start();
    }
    if (queued == settings.batchSize()) {
      LockSupport.unpark(writer);
    }
    return true;
  }

  @Override
  public boolean track(UsageEvent.Builder event) {
    UsageEvent built;
    try {
      built = event.build();
      for (Adjustment adjustment : event.adjustments()) {
        counters.adjusted(adjustment.field());
      }
    } catch (InvalidUsageEventException e) {
      counters.rejected(e.field());
      return false;
    } catch (RuntimeException e) {
      counters.rejected("event");
      return false;
    }
    return track(built);
  }

  @Override
  public TrackerStatistics statistics() {
    return counters.snapshot(
        depth.get(),
        retryingEvents.get(),
        journal.pendingEvents(),
        journal.sizeBytes(),
        storeHealthy,
        storeHealthy ? Optional.empty() : Optional.ofNullable(lastError));
  }

  /** Drains the queue into the store (or the journal while the store is down) within 30 s. */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * Stops taking events, writes or spools every queued one, and stops the writer.
   *
   * @return false when the writer did not finish within the timeout (its events are counted)
   */
  public boolean close(Duration timeout) {
    closing = true;
    if (started.get()) {
      LockSupport.unpark(writer);
      try {
        writer.join(Math.max(1, timeout.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (writer.isAlive()) {
        long waiting = depth.get() + retryingEvents.get();
        counters.dropped("shutdown_timeout", waiting);
        LOG.error(
            "usage tracker: {} events were still waiting for the store after {} s and are lost",
            waiting,
            timeout.toSeconds());
        return false;
      }
    }
    spoolLate();
    return true;
  }

  private void spoolLate() {
    List<UsageEvent> late = drain(Integer.MAX_VALUE);
    if (!late.isEmpty()) {
      retrying.addLast(prepare(late));
      retryingEvents.addAndGet(late.size());
      spoolRetrying();
    }
  }

  private void runWriter() {
    while (true) {
      boolean stopping = closing;
      try {
        List<UsageEvent> fresh = drain(settings.maxBatchSize());
        if (!fresh.isEmpty()) {
          List<UsageEvent> prepared = prepare(fresh);
          if (!prepared.isEmpty()) {
            retrying.addLast(prepared);
            retryingEvents.addAndGet(prepared.size());
          }
        }
        if (storeHealthy || System.nanoTime() - nextAttemptNanos >= 0) {
          writeWaiting();
        }
        if (!storeHealthy && (retryingEvents.get() >= settings.retryMemoryEvents() || stopping)) {
          spoolRetrying();
        }
        reportIfDue();
        if (stopping && depth.get() == 0 && retrying.isEmpty()) {
          reportNow();
          return;
        }
        if (!stopping && depth.get() < settings.batchSize() && !replayPending()) {
          LockSupport.parkNanos(this, waitNanos());
        }
      } catch (RuntimeException e) {
        LOG.error("usage tracker: unexpected failure in the writer; continuing", e);
        LockSupport.parkNanos(this, settings.minBackoff().toNanos());
      }
    }
  }

  private boolean replayPending() {
    return storeHealthy && retrying.isEmpty() && journal.pendingEvents() > 0;
  }

  private long waitNanos() {
    long linger = Math.max(1_000_000L, settings.linger().toNanos());
    if (storeHealthy) {
      return linger;
    }
    return Math.max(1_000_000L, Math.min(linger, nextAttemptNanos - System.nanoTime()));
  }

  private List<UsageEvent> drain(int limit) {
    List<UsageEvent> batch = new ArrayList<>(Math.min(limit, Math.max(depth.get(), 1)));
    UsageEvent event;
    while (batch.size() < limit && (event = queue.poll()) != null) {
      depth.decrementAndGet();
      batch.add(event);
    }
    return batch;
  }

  private List<UsageEvent> prepare(List<UsageEvent> events) {
    Instant now = clock.instant();
    List<UsageEvent> prepared = new ArrayList<>(events.size());
    for (UsageEvent event : events) {
      try {
        clockSkew.check(event, now);
        PrivacyPolicy.Reviewed reviewed = privacy.review(event);
        prepared.add(reviewed.event());
        reviewed.adjustment().ifPresent(a -> counters.adjusted(a.field()));
      } catch (InvalidUsageEventException e) {
        counters.rejected(e.field());
      } catch (RuntimeException e) {
        counters.rejected("event");
        LOG.warn("usage tracker: an event could not be prepared: {}", e.toString());
      }
    }
    return prepared;
  }

  private void writeWaiting() {
    while (!retrying.isEmpty()) {
      List<UsageEvent> batch = retrying.peekFirst();
      boolean stored =
          write(
              batch,
              () -> {
                retrying.removeFirst();
                retryingEvents.addAndGet(-batch.size());
              });
      if (!stored) {
        return;
      }
    }
    if (depth.get() < settings.batchSize()) {
      replayOldest();
    }
  }

  private void replayOldest() {
    Optional<EventJournal.SpooledBatch> oldest;
    try {
      oldest = journal.oldest();
    } catch (RuntimeException e) {
      LOG.error("usage tracker: cannot read the journal: {}", e.getMessage());
      return;
    }
    if (oldest.isPresent() && write(oldest.get().events(), () -> journal.remove(oldest.get()))) {
      long replayedSoFar = counters.replayed(oldest.get().events().size());
      if (journal.pendingEvents() == 0) {
        LOG.info("usage tracker: journal replayed ({} events in all)", replayedSoFar);
      }
    }
  }

  /**
   * Appends the batch; once it is stored, {@code stored} takes it out of the backlog before it is
   * counted as written, so a statistics snapshot never counts an event in both.
   */
  private boolean write(List<UsageEvent> batch, Runnable stored) {
    long start = System.nanoTime();
    UsageEventSink.AppendResult result;
    try {
      result = sink.append(batch);
    } catch (RuntimeException e) {
      counters.retried(batch.size());
      if (storeHealthy) {
        LOG.warn(
            "usage tracker: the store failed ({}); keeping events, retrying with backoff",
            e.getMessage());
      }
      storeHealthy = false;
      lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      nextAttemptNanos = System.nanoTime() + backoffNanos;
      backoffNanos = Math.min(backoffNanos * 2, settings.maxBackoff().toNanos());
      return false;
    }
    long took = System.nanoTime() - start;
    try {
      stored.run();
    } finally {
      counters.wrote(result, took);
    }
    if (!storeHealthy) {
      LOG.info("usage tracker: the store is back; writing the events kept meanwhile");
    }
    storeHealthy = true;
    lastError = null;
    backoffNanos = settings.minBackoff().toNanos();
    return true;
  }

  private void spoolRetrying() {
    while (!retrying.isEmpty()) {
      List<UsageEvent> batch = retrying.removeFirst();
      retryingEvents.addAndGet(-batch.size());
      try {
        journal.spool(batch);
        counters.spooled(batch.size());
      } catch (JournalFullException e) {
        counters.dropped("journal_full", batch.size());
        LOG.error("usage tracker: {} events dropped: {}", batch.size(), e.getMessage());
      } catch (RuntimeException e) {
        counters.dropped("journal_failed", batch.size());
        LOG.error(
            "usage tracker: {} events dropped, the journal failed: {}",
            batch.size(),
            e.getMessage());
      }
    }
  }

  private void reportIfDue() {
    if (System.nanoTime() - lastReportNanos >= settings.reportEvery().toNanos()) {
      reportNow();
    }
  }

  private void reportNow() {
    lastReportNanos = System.nanoTime();
    TrackerStatistics stats = statistics();
    if (stats.accepted() == lastReportedAccepted && stats.backlog() == 0) {
      return;
    }
    lastReportedAccepted = stats.accepted();
    LOG.info(
        "usage tracker: accepted={} written={} duplicates={} retried={} spooled={} replayed={}"
            + " rejected={} dropped={} queued={} journal={} store={}",
        stats.accepted(),
        stats.written(),
        stats.duplicates(),
        stats.retried(),
        stats.spooled(),
        stats.replayed(),
        stats.rejected(),
        stats.dropped(),
        stats.queueDepth() + stats.retryingEvents(),
        stats.journalEvents(),
        stats.storeHealthy() ? "up" : "down");
  }
}
