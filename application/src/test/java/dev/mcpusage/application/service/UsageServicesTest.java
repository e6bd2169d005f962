package dev.mcpusage.application.service;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpusage.application.inmemory.InMemoryMaintenanceStore;
import dev.mcpusage.application.inmemory.InMemoryUsageEventSink;
import dev.mcpusage.application.inmemory.InMemoryUsageEvents;
import dev.mcpusage.application.inmemory.InMemoryUsageStatsReader;
import dev.mcpusage.application.port.in.DemoLoadCommand;
import dev.mcpusage.application.port.in.PeriodQuery;
import dev.mcpusage.application.port.in.RecordBatchCommand;
import dev.mcpusage.application.port.in.RecordResult;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import dev.mcpusage.domain.retention.RetentionPolicy;
import dev.mcpusage.domain.stats.UsageSummary;
import dev.mcpusage.domain.window.InvalidTimeWindowException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageServicesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryUsageEvents events = new InMemoryUsageEvents();
  private final InMemoryUsageEventSink sink = new InMemoryUsageEventSink(events);
  private final InMemoryUsageStatsReader reader = new InMemoryUsageStatsReader(events);
  private final RecordUsageService record =
      new RecordUsageService(sink, ClockSkewPolicy.standard(), PrivacyPolicy.standard(), clock);
  private final QueryUsageService query = new QueryUsageService(reader, clock);

  @Test
  void givenOneFutureEventInABatch_record_keepsTheRestAndNamesTheRejectedIndex() {
    RecordResult result =
        record.record(
            new RecordBatchCommand(
                List.of(
                    anEvent().timestamp(NOW).build(),
                    anEvent().timestamp(NOW.plus(Duration.ofHours(1))).build(),
                    anEvent().timestamp(NOW.minusSeconds(5)).build())));

    assertThat(result.stored()).isEqualTo(2);
    assertThat(result.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.index()).isEqualTo(1);
              assertThat(r.field()).isEqualTo("timestamp");
            });
  }

  @Test
  void givenCallsInAndBeforeTheWindow_summary_countsOnlyTheWindow() {
    record.record(
        new RecordBatchCommand(
            List.of(
                anEvent().timestamp(NOW.minusSeconds(60)).sessionId("a").build(),
                anEvent().timestamp(NOW.minusSeconds(120)).sessionId("b").success(false).build(),
                anEvent().timestamp(NOW.minus(Duration.ofHours(30))).sessionId("c").build())));

    UsageSummary summary = query.summary(PeriodQuery.lastHours(24));

    assertThat(summary.totalCalls()).isEqualTo(2);
    assertThat(summary.failedCalls()).isEqualTo(1);
    assertThat(summary.successRate()).isEqualTo(50.0);
    assertThat(summary.uniqueSessions()).isEqualTo(2);
    assertThat(summary.mostUsedTool()).contains("rag_search");
  }

  @Test
  void givenZeroHours_summaryQuery_isRejectedWithTheRange() {
    assertThatThrownBy(() -> PeriodQuery.lastHours(0))
        .isInstanceOf(InvalidTimeWindowException.class)
        .hasMessage("hours must be between 1 and 4320, was 0");
  }

  @Test
  void givenEmptyStore_demoLoad_fillsItOnce() {
    DemoUsageService demo = new DemoUsageService(sink, reader, clock);

    long first = demo.load(new DemoLoadCommand(3_000, 1, 7, true));
    long second = demo.load(new DemoLoadCommand(3_000, 1, 7, true));

    assertThat(first).isEqualTo(3_000);
    assertThat(second).isZero();
    UsageSummary summary = query.summary(PeriodQuery.lastHours(24));
    assertThat(summary.totalCalls()).isEqualTo(3_000);
    assertThat(summary.successRate()).isBetween(94.0, 99.5);
    assertThat(summary.uniqueSessions()).isBetween(50L, 1_000L);
  }

  @Test
  void givenEventsOlderThanRetention_applyRetention_removesOnlyThose() {
    sink.append(
        List.of(
            anEvent().timestamp(NOW.minus(Duration.ofDays(181))).build(),
            anEvent().timestamp(NOW.minus(Duration.ofDays(179))).build()));
    MaintainUsageService maintain =
        new MaintainUsageService(new InMemoryMaintenanceStore(events), clock);

    long deleted = maintain.applyRetention(RetentionPolicy.standard()).deletedEvents();

    assertThat(deleted).isEqualTo(1);
    assertThat(reader.isEmpty()).isFalse();
  }

  @Test
  void dropExpiredDays_takesWholeDaysOnly_andApplyRetentionThenTrimsTheBoundaryDay() {
    Instant cutoff = NOW.minus(Duration.ofDays(180));
    sink.append(
        List.of(
            anEvent().timestamp(cutoff.minus(Duration.ofDays(1))).build(),
            anEvent().timestamp(cutoff.minus(Duration.ofHours(1))).build(),
            anEvent().timestamp(cutoff.plus(Duration.ofHours(1))).build()));
    MaintainUsageService maintain =
        new MaintainUsageService(new InMemoryMaintenanceStore(events), clock);

    long wholeDays = maintain.dropExpiredDays(RetentionPolicy.standard()).deletedEvents();
    long trimmed = maintain.applyRetention(RetentionPolicy.standard()).deletedEvents();

    assertThat(wholeDays).as("the day before the boundary day").isEqualTo(1);
    assertThat(trimmed).as("the boundary day's hour before the cutoff").isEqualTo(1);
  }

  @Test
  void givenAStoreThatRefusesAnEvent_record_reportsItAtItsIndexInTheCommand() {
    RecordUsageService refusingSecondAppended =
        new RecordUsageService(
            batch ->
                new dev.mcpusage.application.port.out.UsageEventSink.AppendResult(
                    batch.size() - 1,
                    0,
                    List.of(
                        new dev.mcpusage.application.port.out.UsageEventSink.Refusal(
                            1, "server_name", "unknown server"))),
            ClockSkewPolicy.standard(),
            PrivacyPolicy.standard(),
            clock);

    RecordResult result =
        refusingSecondAppended.record(
            new RecordBatchCommand(
                List.of(
                    anEvent().timestamp(NOW).build(),
                    anEvent().timestamp(NOW.plus(Duration.ofDays(1))).build(),
                    anEvent().timestamp(NOW).build())));

    // the event at 1 fails the clock check here; the store refused the next one appended, at 2
    assertThat(result.stored()).isEqualTo(1);
    assertThat(result.rejections())
        .extracting(RecordResult.Rejection::index, RecordResult.Rejection::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "timestamp"),
            org.assertj.core.groups.Tuple.tuple(2, "server_name"));
  }

  @Test
  void givenHashMode_record_storesTheHashedQueryAndRedactedMetadata() {
    List<dev.mcpusage.domain.event.UsageEvent> appended = new java.util.ArrayList<>();
    RecordUsageService hashing =
        new RecordUsageService(
            batch -> {
              appended.addAll(batch);
              return new dev.mcpusage.application.port.out.UsageEventSink.AppendResult(
                  batch.size(), 0);
            },
            ClockSkewPolicy.standard(),
            PrivacyPolicy.of(
                dev.mcpusage.domain.privacy.QueryTextMode.HASH,
                PrivacyPolicy.DEFAULT_SENSITIVE_KEYS),
            clock);

    hashing.record(
        new RecordBatchCommand(
            List.of(
                anEvent()
                    .timestamp(NOW)
                    .queryText("customer 4711 invoices")
                    .requestMetadata(java.util.Map.of("token", "t-1", "page", 2))
                    .build())));

    dev.mcpusage.domain.event.UsageEvent stored = appended.get(0);
    assertThat(stored.queryText())
        .hasValueSatisfying(text -> assertThat(text).startsWith("sha256:"));
    assertThat(stored.requestMetadata())
        .containsEntry("token", "[REDACTED]")
        .containsEntry("page", 2);
  }
}
