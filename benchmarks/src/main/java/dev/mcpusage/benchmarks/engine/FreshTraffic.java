package dev.mcpusage.benchmarks.engine;

import dev.mcpusage.application.demo.SeedShapedTraffic;
import dev.mcpusage.domain.event.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Engine benchmark helper: seed-shaped events not stored yet, and their batches. */
final class FreshTraffic {

  /**
   * Events per write: the tracker's largest batch ({@code tracker.batch.max}), in which it writes a
   * sustained stream.
   */
  static final int BATCH = 10_000;

  // fresh events differ from run to run: a reused data dir holds the last run's already
  private long seed = System.currentTimeMillis();

  /** {@code count} events spread over the two days up to now. */
  List<UsageEvent> lastTwoDays(int count, String serverName) {
    return recent(Duration.ofDays(2), count, serverName);
  }

  /** {@code count} events of server {@code serverName} spread over the {@code span} up to now. */
  List<UsageEvent> recent(Duration span, int count, String serverName) {
    Instant now = Instant.now();
    return between(now.minus(span), now, count, serverName);
  }

  /** {@code count} events of server {@code default} spread over [from, to). */
  List<UsageEvent> between(Instant from, Instant to, int count) {
    return between(from, to, count, "default");
  }

  private List<UsageEvent> between(Instant from, Instant to, int count, String serverName) {
    return new SeedShapedTraffic(seed++, from, to, count, serverName).nextBatch(count);
  }

  /** The events in batches of {@code size}. */
  static List<List<UsageEvent>> batches(List<UsageEvent> events, int size) {
    List<List<UsageEvent>> batches = new ArrayList<>();
    for (int i = 0; i < events.size(); i += size) {
      batches.add(events.subList(i, Math.min(events.size(), i + size)));
    }
    return batches;
  }
}
