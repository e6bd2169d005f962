package dev.mcpusage.application.inmemory;

import dev.mcpusage.domain.event.UsageEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Adapter (in memory): the event store the in-memory ports share; thread-safe, keyed by id. */
public final class InMemoryUsageEvents {

  private final Map<UUID, UsageEvent> events = new LinkedHashMap<>();

  /** Adds the event unless one with its id is stored; true when added. */
  synchronized boolean add(UsageEvent event) {
    return events.putIfAbsent(event.id(), event) == null;
  }

  /** A snapshot of the events matching {@code filter}. */
  /** Every stored event, in no particular order. */
  public List<UsageEvent> all() {
    return matching(event -> true);
  }

  synchronized List<UsageEvent> matching(Predicate<UsageEvent> filter) {
    List<UsageEvent> result = new ArrayList<>();
    for (UsageEvent event : events.values()) {
      if (filter.test(event)) {
        result.add(event);
      }
    }
    return result;
  }

  /** Removes the events matching {@code filter}; returns how many went. */
  synchronized long removeIf(Predicate<UsageEvent> filter) {
    int before = events.size();
    events.values().removeIf(filter);
    return before - events.size();
  }

  synchronized boolean isEmpty() {
    return events.isEmpty();
  }
}
