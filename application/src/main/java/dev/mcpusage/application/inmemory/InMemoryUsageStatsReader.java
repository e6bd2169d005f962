package dev.mcpusage.application.inmemory;

import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.domain.bucket.DayBucket;
import dev.mcpusage.domain.bucket.HourBucket;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.stats.BucketStats;
import dev.mcpusage.domain.stats.ClientUsage;
import dev.mcpusage.domain.stats.ErrorCount;
import dev.mcpusage.domain.stats.SourceUsage;
import dev.mcpusage.domain.stats.ToolKey;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Adapter (in memory): computes statistics from the raw events on every read. */
public final class InMemoryUsageStatsReader implements UsageStatsReader {

  private final InMemoryUsageEvents events;

  public InMemoryUsageStatsReader(InMemoryUsageEvents events) {
    this.events = events;
  }

  @Override
  public List<ToolStats> toolTotals(TimeWindow window, UsageFilter filter) {
    Map<ToolKey, BucketStats> totals = new HashMap<>();
    for (UsageEvent event : inWindow(window, filter)) {
      totals.merge(keyOf(event), BucketStats.of(event), BucketStats::merge);
    }
    return totals.entrySet().stream()
        .map(entry -> new ToolStats(entry.getKey(), entry.getValue()))
        .sorted(Comparator.comparing((ToolStats t) -> t.tool().toString()))
        .toList();
  }

  @Override
  public long uniqueSessions(TimeWindow window, UsageFilter filter) {
    Set<String> sessions = new HashSet<>();
    for (UsageEvent event : inWindow(window, filter)) {
      sessionOf(event).ifPresent(sessions::add);
    }
    return sessions.size();
  }

  /** A session is a client's session: the same id from two client types is two sessions. */
  private static java.util.Optional<String> sessionOf(UsageEvent event) {
    return event.sessionId().map(id -> event.clientType().orElse("") + "\u0000" + id);
  }

  @Override
  public List<UsageRollup> hourly(TimeWindow window, UsageFilter filter) {
    return rollups(window, filter, event -> HourBucket.of(event.timestamp()).start());
  }

  @Override
  public List<UsageRollup> daily(TimeWindow window, UsageFilter filter) {
    return rollups(window, filter, event -> DayBucket.of(event.timestamp()).start());
  }

  @Override
  public List<ClientUsage> clients(TimeWindow window, UsageFilter filter) {
    Map<String, BucketStats> stats = new HashMap<>();
    Map<String, Set<String>> sessions = new HashMap<>();
    for (UsageEvent event : inWindow(window, filter)) {
      String client = event.clientType().orElse(ClientUsage.UNKNOWN);
      stats.merge(client, BucketStats.of(event), BucketStats::merge);
      Set<String> seen = sessions.computeIfAbsent(client, c -> new HashSet<>());
      event.sessionId().ifPresent(seen::add);
    }
    return stats.entrySet().stream()
        .map(
            entry ->
                new ClientUsage(
                    entry.getKey(), entry.getValue(), sessions.get(entry.getKey()).size()))
        .sorted(Comparator.comparing(ClientUsage::clientType))
        .toList();
  }

  @Override
  public List<ErrorCount> errors(TimeWindow window, UsageFilter filter) {
    record ErrorKey(ToolKey tool, String errorType) {}
    Map<ErrorKey, Long> counts = new HashMap<>();
    Map<ErrorKey, Instant> lastSeen = new HashMap<>();
    for (UsageEvent event : inWindow(window, filter)) {
      if (!event.success()) {
        ErrorKey key = new ErrorKey(keyOf(event), event.errorType().orElse(ErrorCount.UNKNOWN));
        counts.merge(key, 1L, Long::sum);
        lastSeen.merge(key, event.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return counts.entrySet().stream()
        .map(
            entry ->
                new ErrorCount(
                    entry.getKey().tool(),
                    entry.getKey().errorType(),
                    entry.getValue(),
                    lastSeen.get(entry.getKey())))
        .sorted(
            Comparator.comparing((ErrorCount e) -> e.tool().toString())
                .thenComparing(ErrorCount::errorType))
        .toList();
  }

  @Override
  public List<SourceUsage> topSources(TimeWindow window, UsageFilter filter, int limit) {
    Map<String, long[]> counts = new HashMap<>();
    for (UsageEvent event : inWindow(window, filter)) {
      event
          .sourceId()
          .ifPresent(
              source -> {
                long[] callsAndErrors = counts.computeIfAbsent(source, s -> new long[2]);
                callsAndErrors[0]++;
                callsAndErrors[1] += event.success() ? 0 : 1;
              });
    }
    return counts.entrySet().stream()
        .map(entry -> new SourceUsage(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
        .sorted(
            Comparator.comparingLong(SourceUsage::calls)
                .reversed()
                .thenComparing(SourceUsage::sourceId))
        .limit(limit)
        .toList();
  }

  @Override
  public boolean isEmpty() {
    return events.isEmpty();
  }

  private List<UsageRollup> rollups(
      TimeWindow window, UsageFilter filter, Function<UsageEvent, Instant> bucketOf) {
    record RowKey(Instant bucket, ToolKey tool) {}
    Map<RowKey, BucketStats> stats = new HashMap<>();
    Map<RowKey, Set<String>> sessions = new HashMap<>();
    for (UsageEvent event : inWindow(window, filter)) {
      RowKey key = new RowKey(bucketOf.apply(event), keyOf(event));
      stats.merge(key, BucketStats.of(event), BucketStats::merge);
      Set<String> seen = sessions.computeIfAbsent(key, k -> new HashSet<>());
      sessionOf(event).ifPresent(seen::add);
    }
    List<UsageRollup> rows = new ArrayList<>();
    stats.forEach(
        (key, value) ->
            rows.add(new UsageRollup(key.bucket(), key.tool(), value, sessions.get(key).size())));
    rows.sort(
        Comparator.comparing(UsageRollup::bucketStart)
            .thenComparing(row -> row.tool().serverName())
            .thenComparing(row -> row.tool().toolCategory())
            .thenComparing(row -> row.tool().toolName()));
    return rows;
  }

  private List<UsageEvent> inWindow(TimeWindow window, UsageFilter filter) {
    return events.matching(
        event ->
            window.contains(event.timestamp())
                && filter.matches(
                    event.serverName(),
                    event.toolCategory(),
                    event.toolName(),
                    event.clientType()));
  }

  private static ToolKey keyOf(UsageEvent event) {
    return new ToolKey(event.serverName(), event.toolCategory(), event.toolName());
  }
}
