package dev.mcpusage.adapter.in.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.in.mcp.RecordingTools;
import dev.mcpusage.application.demo.SeedShapedTraffic;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.tracker.InMemoryTrackers;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.domain.event.UsageEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

  @Test
  void givenACallBudget_theDemoClientsMakeExactlyThatManyRecordedCallsOfTheSeedsTools()
      throws Exception {
    InMemoryUsageEvents stored = new InMemoryUsageEvents();
    UsageTracker tracker = InMemoryTrackers.into(stored);
    try (DemoTraffic traffic =
        new DemoTraffic(
            new RecordingTools(tracker, DemoMcpServer.NAME), Duration.ofMillis(1), 80)) {
      traffic.start();
      assertThat(traffic.await(Duration.ofSeconds(60))).isTrue();
      assertThat(traffic.calls()).isEqualTo(80);
    }
    tracker.close();

    List<UsageEvent> events = stored.all();
    assertThat(events).hasSize(80);
    Map<String, String> categoryOf =
        SeedShapedTraffic.TOOLS.stream()
            .collect(
                Collectors.toMap(
                    SeedShapedTraffic.DemoTool::name, SeedShapedTraffic.DemoTool::category));
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(categoryOf).containsEntry(e.toolName(), e.toolCategory());
              assertThat(e.serverName()).isEqualTo(DemoMcpServer.NAME);
              assertThat(SeedShapedTraffic.CLIENTS).contains(e.clientType().orElseThrow());
              assertThat(e.sessionId()).isPresent();
            });
    assertThat(events.stream().map(UsageEvent::clientType).distinct()).hasSizeGreaterThan(1);
    assertThat(events.stream().filter(e -> e.toolCategory().equals("rag")))
        .allSatisfy(e -> assertThat(e.sourceId()).isPresent());
  }
}
