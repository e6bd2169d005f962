package dev.mcpusage.application.tracker;

import dev.mcpusage.application.port.in.TrackerStatistics;
import dev.mcpusage.application.port.out.UsageEventSink;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The tracker's counters, updated by callers and the writer at once, read as one snapshot. */
final class TrackerCounters {

  private final LongAdder accepted = new LongAdder();
  private final Map<String, LongAdder> rejectedByField = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> adjustedByField = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> droppedByReason = new ConcurrentHashMap<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong spooled = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong writeNanosTotal = new AtomicLong();
  private final AtomicLong writeNanosMax = new AtomicLong();

  void accepted() {
    accepted.increment();
  }

  void rejected(String field) {
    count(rejectedByField, field, 1);
  }

  void adjusted(String field) {
    count(adjustedByField, field, 1);
  }

  void dropped(String reason, long events) {
    count(droppedByReason, reason, events);
  }

  void wrote(UsageEventSink.AppendResult result, long nanos) {
    writes.incrementAndGet();
    writeNanosTotal.addAndGet(nanos);
    writeNanosMax.accumulateAndGet(nanos, Math::max);
    written.addAndGet(result.inserted());
    duplicates.addAndGet(result.duplicates());
    result.refused().forEach(refusal -> count(rejectedByField, refusal.field(), 1));
  }

  void retried(int events) {
    retried.addAndGet(events);
  }

  void spooled(int events) {
    spooled.addAndGet(events);
  }

  /** Counts replayed events; returns the total replayed so far. */
  long replayed(int events) {
    return replayed.addAndGet(events);
  }

  /** The counters now, with the backlog and store state the tracker knows. */
  TrackerStatistics snapshot(
      long queueDepth,
      long retryingEvents,
      long journalEvents,
      long journalBytes,
      boolean storeHealthy,
      Optional<String> lastError) {
    return new TrackerStatistics(
        accepted.sum(),
        written.get(),
        duplicates.get(),
        retried.get(),
        spooled.get(),
        replayed.get(),
        copy(rejectedByField),
        copy(adjustedByField),
        copy(droppedByReason),
        queueDepth,
        retryingEvents,
        journalEvents,
        journalBytes,
        writes.get(),
        writeNanosTotal.get(),
        writeNanosMax.get(),
        storeHealthy,
        lastError);
  }

  private static void count(Map<String, LongAdder> counters, String key, long amount) {
    counters.computeIfAbsent(key, k -> new LongAdder()).add(amount);
  }

  private static Map<String, Long> copy(Map<String, LongAdder> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((key, adder) -> copy.put(key, adder.sum()));
    return copy;
  }
}
