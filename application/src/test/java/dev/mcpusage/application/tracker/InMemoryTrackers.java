package dev.mcpusage.application.tracker;

import dev.mcpusage.application.inmemory.InMemoryEventJournal;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import java.time.Clock;
import java.time.Duration;

/** Test fixture, shared via the test-jar: a tracker writing into in-memory events within 5 ms. */
public final class InMemoryTrackers {

  private InMemoryTrackers() {}

  /** A tracker storing into {@code stored}, in batches of 100 or after 5 ms. */
  public static UsageTracker into(InMemoryUsageEvents stored) {
    return new UsageTracker(
        new InMemoryUsageEventSink(stored),
        new InMemoryEventJournal(10_000),
        ClockSkewPolicy.standard(),
        PrivacyPolicy.standard(),
        Clock.systemUTC(),
        TrackerSettings.standard().withBatching(100, 100, Duration.ofMillis(5)));
  }
}
