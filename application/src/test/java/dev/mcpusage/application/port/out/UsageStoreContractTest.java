package dev.mcpusage.application.port.out;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.latency.LatencyHistogram;
import dev.mcpusage.domain.latency.Percentiles;
import dev.mcpusage.domain.stats.ToolStats;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every pair of {@link UsageEventSink} and {@link UsageStatsReader} must honour; each
 * adapter's test only supplies a fresh, empty pair.
 */
public abstract class UsageStoreContractTest {

  private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
  private static final TimeWindow WHOLE_DAY = new TimeWindow(DAY, DAY.plus(Duration.ofDays(1)));

  /** A sink and a reader over the same, empty store. */
  public record Store(UsageEventSink sink, UsageStatsReader reader) {}

  private UsageEventSink sink;
  private UsageStatsReader reader;

  /** Returns a sink and reader over a fresh, empty store. */
  protected abstract Store emptyStore();

  @BeforeEach
  void openEmptyStore() {
    Store store = emptyStore();
    sink = store.sink();
    reader = store.reader();
  }

  @Test
  void givenEmptyStore_reads_areEmptyAndZero() {
    assertThat(reader.isEmpty()).isTrue();
    assertThat(reader.toolTotals(WHOLE_DAY, UsageFilter.NONE)).isEmpty();
    assertThat(reader.uniqueSessions(WHOLE_DAY, UsageFilter.NONE)).isZero();
    assertThat(reader.hourly(WHOLE_DAY, UsageFilter.NONE)).isEmpty();
  }

  @Test
  void givenCallsEitherSideOfTheHour_hourly_putsThemInTwoBuckets() {
    sink.append(
        List.of(
            anEvent().timestamp(Instant.parse("2026-03-10T12:59:59.999Z")).build(),
            anEvent().timestamp(Instant.parse("2026-03-10T13:00:00Z")).build()));

    List<UsageRollup> rows = reader.hourly(WHOLE_DAY, UsageFilter.NONE);

    assertThat(rows)
        .extracting(UsageRollup::bucketStart)
        .containsExactly(
            Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-10T13:00:00Z"));
    assertThat(rows).allSatisfy(row -> assertThat(row.stats().callCount()).isEqualTo(1));
    assertThat(reader.isEmpty()).isFalse();
  }

  @Test
  void givenCallsEitherSideOfMidnight_daily_putsThemInTwoDays() {
    sink.append(
        List.of(
            anEvent().timestamp(Instant.parse("2026-03-10T23:59:59.999Z")).build(),
            anEvent().timestamp(Instant.parse("2026-03-11T00:00:00Z")).build(),
            anEvent().timestamp(Instant.parse("2026-03-11T00:00:01Z")).build()));
    TimeWindow twoDays = new TimeWindow(DAY, DAY.plus(Duration.ofDays(2)));

    List<UsageRollup> rows = reader.daily(twoDays, UsageFilter.NONE);

    assertThat(rows)
        .extracting(UsageRollup::bucketStart)
        .containsExactly(DAY, Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(rows).extracting(row -> row.stats().callCount()).containsExactly(1L, 2L);
  }

  @Test
  void givenRepeatedSessions_uniqueSessions_countsEachOnceAndIgnoresMissingOnes() {
    Instant t = Instant.parse("2026-03-10T09:15:00Z");
    sink.append(
        List.of(
            anEvent().timestamp(t).sessionId("a").build(),
            anEvent().timestamp(t.plusSeconds(1)).sessionId("a").build(),
            anEvent().timestamp(t.plusSeconds(2)).sessionId("b").build(),
            anEvent()
                .timestamp(t.plusSeconds(3))
                .sessionId("c")
                .toolName("find_tasks")
                .toolCategory("task")
                .build(),
            anEvent()
                .timestamp(t.plusSeconds(4))
                .sessionId("a")
                .toolName("find_tasks")
                .toolCategory("task")
                .build(),
            anEvent().timestamp(t.plusSeconds(5)).sessionId(null).build()));

    List<UsageRollup> rows = reader.hourly(WHOLE_DAY, UsageFilter.NONE);

    assertThat(reader.uniqueSessions(WHOLE_DAY, UsageFilter.NONE)).isEqualTo(3);
    assertThat(rows)
        .extracting(row -> row.tool().toolName(), UsageRollup::uniqueSessions)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("find_tasks", 2L),
            org.assertj.core.groups.Tuple.tuple("rag_search", 2L));
  }

  @Test
  void givenOneSessionOverManyBatches_sessions_countOncePerHourToolAndDay() {
    Instant nine = Instant.parse("2026-03-10T09:15:00Z");
    Instant ten = Instant.parse("2026-03-10T10:20:00Z");
    sink.append(List.of(anEvent().timestamp(nine).sessionId("a").build()));
    sink.append(List.of(anEvent().timestamp(nine.plusSeconds(60)).sessionId("a").build()));
    sink.append(
        List.of(
            anEvent().timestamp(ten).sessionId("a").build(),
            anEvent()
                .timestamp(ten.plusSeconds(1))
                .sessionId("a")
                .toolName("find_tasks")
                .toolCategory("task")
                .build()));
    sink.append(
        List.of(
            anEvent().timestamp(ten.plusSeconds(2)).sessionId("a").build(),
            anEvent()
                .timestamp(ten.plusSeconds(3))
                .sessionId("a")
                .toolName("find_tasks")
                .toolCategory("task")
                .build(),
            anEvent().timestamp(nine.plusSeconds(120)).sessionId("b").build()));

    assertThat(reader.hourly(WHOLE_DAY, UsageFilter.NONE))
        .extracting(
            row -> row.bucketStart().toString(),
            row -> row.tool().toolName(),
            UsageRollup::uniqueSessions)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("2026-03-10T09:00:00Z", "rag_search", 2L),
            org.assertj.core.groups.Tuple.tuple("2026-03-10T10:00:00Z", "rag_search", 1L),
            org.assertj.core.groups.Tuple.tuple("2026-03-10T10:00:00Z", "find_tasks", 1L));
    assertThat(reader.daily(WHOLE_DAY, UsageFilter.NONE))
        .extracting(row -> row.tool().toolName(), UsageRollup::uniqueSessions)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("rag_search", 2L),
            org.assertj.core.groups.Tuple.tuple("find_tasks", 1L));
    TimeWindow tenOClock =
        new TimeWindow(
            Instant.parse("2026-03-10T10:00:00Z"), Instant.parse("2026-03-10T11:00:00Z"));
    assertThat(reader.uniqueSessions(tenOClock, UsageFilter.NONE)).isEqualTo(1);
    assertThat(reader.uniqueSessions(WHOLE_DAY, UsageFilter.NONE)).isEqualTo(2);
    UsageFilter tasks =
        new UsageFilter(
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.of("find_tasks"),
            java.util.Optional.empty());
    TimeWindow nineOClock =
        new TimeWindow(
            Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z"));
    assertThat(reader.uniqueSessions(nineOClock, tasks)).isZero();
    assertThat(reader.uniqueSessions(tenOClock, tasks)).isEqualTo(1);
  }

  @Test
  void
      givenOneSessionIdFromTwoClientTypes_hourly_countsTwoSessions_becauseASessionIsAClientsSession() {
    Instant t = Instant.parse("2026-03-10T09:15:00Z");
    sink.append(
        List.of(
            anEvent().timestamp(t).sessionId("shared").clientType("cursor").build(),
            anEvent()
                .timestamp(t.plusSeconds(1))
                .sessionId("shared")
                .clientType("claude-code")
                .build()));

    List<UsageRollup> rows = reader.hourly(WHOLE_DAY, UsageFilter.NONE);

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.stats().callCount()).isEqualTo(2);
              assertThat(row.uniqueSessions()).isEqualTo(2);
            });
    assertThat(reader.uniqueSessions(WHOLE_DAY, UsageFilter.NONE)).isEqualTo(2);
  }

  @Test
  void givenFailures_stats_countErrorsAndExtremes() {
    Instant t = Instant.parse("2026-03-10T10:00:00Z");
    sink.append(
        List.of(
            anEvent().timestamp(t).responseTimeMs(5).build(),
            anEvent()
                .timestamp(t.plusSeconds(10))
                .responseTimeMs(900)
                .success(false)
                .errorType("TimeoutError")
                .build(),
            anEvent().timestamp(t.plusSeconds(20)).responseTimeMs(40).build()));

    ToolStats tool = reader.toolTotals(WHOLE_DAY, UsageFilter.NONE).get(0);

    assertThat(tool.stats().callCount()).isEqualTo(3);
    assertThat(tool.stats().errorCount()).isEqualTo(1);
    assertThat(tool.stats().responseTimeSumMs()).isEqualTo(945);
    assertThat(tool.stats().minResponseTimeMs()).isEqualTo(5);
    assertThat(tool.stats().maxResponseTimeMs()).isEqualTo(900);
    assertThat(tool.stats().firstCallAt()).contains(t);
    assertThat(tool.stats().lastCallAt()).contains(t.plusSeconds(20));
  }

  @Test
  void givenManyLatencies_percentiles_areWithinTheStatedErrorOfTheExactOnes() {
    Random random = new Random(42);
    List<UsageEvent> events = new ArrayList<>();
    int[] latencies = new int[2000];
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = (int) Math.exp(random.nextGaussian() + 5);
      events.add(
          anEvent()
              .timestamp(DAY.plusSeconds(random.nextInt(86_400)))
              .responseTimeMs(latencies[i])
              .build());
    }
    sink.append(events);
    Arrays.sort(latencies);

    Percentiles percentiles =
        reader.toolTotals(WHOLE_DAY, UsageFilter.NONE).get(0).stats().percentiles();

    assertWithinStatedError(percentiles.p50(), latencies[999]);
    assertWithinStatedError(percentiles.p95(), latencies[1899]);
    assertWithinStatedError(percentiles.p99(), latencies[1979]);
  }

  @Test
  void givenTheSameEventsTwice_append_countsDuplicatesAndStatisticsDoNotChange() {
    List<UsageEvent> events =
        List.of(
            anEvent().timestamp(DAY.plusSeconds(60)).build(),
            anEvent().timestamp(DAY.plusSeconds(120)).build());

    UsageEventSink.AppendResult first = sink.append(events);
    UsageEventSink.AppendResult second = sink.append(events);

    assertThat(first).isEqualTo(new UsageEventSink.AppendResult(2, 0));
    assertThat(second).isEqualTo(new UsageEventSink.AppendResult(0, 2));
    assertThat(reader.toolTotals(WHOLE_DAY, UsageFilter.NONE).get(0).stats().callCount())
        .isEqualTo(2);
  }

  @Test
  void givenAnEventFrom90DaysAgo_append_storesItAndTheDayIsQueryable() {
    Instant backfilled = Instant.parse("2025-12-10T08:00:00Z");
    TimeWindow thatDay =
        new TimeWindow(
            Instant.parse("2025-12-10T00:00:00Z"), Instant.parse("2025-12-11T00:00:00Z"));

    sink.append(List.of(anEvent().timestamp(backfilled).build()));

    assertThat(reader.daily(thatDay, UsageFilter.NONE))
        .singleElement()
        .satisfies(row -> assertThat(row.stats().callCount()).isEqualTo(1));
  }

  @Test
  void givenFilters_reads_keepOnlyMatchingCalls() {
    Instant t = Instant.parse("2026-03-10T11:00:00Z");
    sink.append(
        List.of(
            anEvent().timestamp(t).serverName("alpha").clientType("cursor").build(),
            anEvent().timestamp(t).serverName("beta").clientType("cursor").sessionId("s2").build(),
            anEvent()
                .timestamp(t)
                .serverName("beta")
                .toolName("find_tasks")
                .toolCategory("task")
                .clientType("claude-code")
                .build()));

    UsageFilter beta =
        new UsageFilter(Optional.of("beta"), Optional.empty(), Optional.empty(), Optional.empty());
    UsageFilter cursor =
        new UsageFilter(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("cursor"));
    UsageFilter tasks =
        new UsageFilter(
            Optional.empty(), Optional.of("task"), Optional.of("find_tasks"), Optional.empty());

    UsageFilter alpha =
        new UsageFilter(Optional.of("alpha"), Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(total(beta)).isEqualTo(2);
    // the same question of another server: a store that reuses a read's query binds the new value
    assertThat(total(alpha)).isEqualTo(1);
    assertThat(total(cursor)).isEqualTo(2);
    assertThat(total(tasks)).isEqualTo(1);
    assertThat(reader.uniqueSessions(WHOLE_DAY, cursor)).isEqualTo(2);
    assertThat(reader.hourly(WHOLE_DAY, tasks))
        .singleElement()
        .satisfies(row -> assertThat(row.tool().toolName()).isEqualTo("find_tasks"));
  }

  @Test
  void givenCallsOutsideTheWindow_reads_ignoreThem() {
    sink.append(
        List.of(
            anEvent().timestamp(DAY.minusMillis(1)).build(),
            anEvent().timestamp(DAY.plus(Duration.ofDays(1))).build(),
            anEvent().timestamp(DAY.plusSeconds(1)).build()));

    assertThat(total(UsageFilter.NONE)).isEqualTo(1);
  }

  @Test
  void givenWindowOfPartialAndWholeDays_totalsAndSessions_countEachCallAndSessionOnce() {
    TimeWindow window =
        new TimeWindow(DAY.minus(Duration.ofHours(6)), DAY.plus(Duration.ofHours(29)));
    sink.append(
        List.of(
            anEvent().timestamp(DAY.minus(Duration.ofHours(5))).sessionId("early").build(),
            anEvent().timestamp(DAY.plus(Duration.ofHours(3))).sessionId("early").build(),
            anEvent().timestamp(DAY.plus(Duration.ofHours(12))).sessionId("middle").build(),
            anEvent().timestamp(DAY.plus(Duration.ofHours(26))).sessionId("late").build(),
            anEvent().timestamp(DAY.plus(Duration.ofHours(26))).sessionId("middle").build(),
            anEvent().timestamp(DAY.minus(Duration.ofHours(7))).sessionId("outside").build(),
            anEvent().timestamp(DAY.plus(Duration.ofHours(29))).sessionId("outside").build()));

    assertThat(reader.toolTotals(window, UsageFilter.NONE))
        .singleElement()
        .satisfies(tool -> assertThat(tool.stats().callCount()).isEqualTo(5));
    assertThat(reader.uniqueSessions(window, UsageFilter.NONE)).isEqualTo(3);
  }

  @Test
  void clients_countCallsErrorsAndSessionsPerClientType() {
    Instant t = Instant.parse("2026-03-10T11:00:00Z");
    sink.append(
        List.of(
            anEvent().timestamp(t).clientType("cursor").sessionId("a").build(),
            anEvent().timestamp(t).clientType("cursor").sessionId("a").success(false).build(),
            anEvent().timestamp(t).clientType("cursor").sessionId("b").build(),
            anEvent().timestamp(t).clientType("claude-code").sessionId("a").build(),
            anEvent().timestamp(t).clientType(null).sessionId("c").build()));

    List<dev.mcpusage.domain.stats.ClientUsage> clients =
        reader.clients(WHOLE_DAY, UsageFilter.NONE);

    assertThat(clients)
        .extracting(
            c -> c.clientType(),
            c -> c.stats().callCount(),
            c -> c.stats().errorCount(),
            c -> c.uniqueSessions())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("cursor", 3L, 1L, 2L),
            org.assertj.core.groups.Tuple.tuple("claude-code", 1L, 0L, 1L),
            org.assertj.core.groups.Tuple.tuple("unknown", 1L, 0L, 1L));
  }

  @Test
  void errors_countFailuresPerToolAndType_withUnknownForMissingTypes() {
    Instant t = Instant.parse("2026-03-10T11:00:00Z");
    sink.append(
        List.of(
            anEvent().timestamp(t).success(false).errorType("TimeoutError").build(),
            anEvent().timestamp(t.plusSeconds(9)).success(false).errorType("TimeoutError").build(),
            anEvent().timestamp(t).success(false).build(),
            anEvent()
                .timestamp(t)
                .toolName("find_tasks")
                .toolCategory("task")
                .success(false)
                .errorType("tool_error")
                .build(),
            anEvent().timestamp(t).build()));

    List<dev.mcpusage.domain.stats.ErrorCount> errors = reader.errors(WHOLE_DAY, UsageFilter.NONE);

    assertThat(errors)
        .extracting(e -> e.tool().toolName(), e -> e.errorType(), e -> e.count())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("rag_search", "TimeoutError", 2L),
            org.assertj.core.groups.Tuple.tuple("rag_search", "unknown", 1L),
            org.assertj.core.groups.Tuple.tuple("find_tasks", "tool_error", 1L));
    assertThat(errors)
        .filteredOn(e -> e.errorType().equals("TimeoutError"))
        .singleElement()
        .satisfies(e -> assertThat(e.lastSeenAt()).isEqualTo(t.plusSeconds(9)));
  }

  @Test
  void topSources_ranksByCallsThenName_andHonoursTheLimit() {
    Instant t = Instant.parse("2026-03-10T11:00:00Z");
    sink.append(
        List.of(
            anEvent().timestamp(t).sourceId("docs.b").build(),
            anEvent().timestamp(t).sourceId("docs.b").build(),
            anEvent().timestamp(t).sourceId("docs.a").success(false).build(),
            anEvent().timestamp(t).sourceId("docs.a").build(),
            anEvent().timestamp(t).sourceId("docs.c").build(),
            anEvent().timestamp(t).build()));

    List<dev.mcpusage.domain.stats.SourceUsage> top =
        reader.topSources(WHOLE_DAY, UsageFilter.NONE, 2);

    assertThat(top)
        .containsExactly(
            new dev.mcpusage.domain.stats.SourceUsage("docs.a", 2, 1),
            new dev.mcpusage.domain.stats.SourceUsage("docs.b", 2, 0));
  }

  private long total(UsageFilter filter) {
    return reader.toolTotals(WHOLE_DAY, filter).stream()
        .mapToLong(t -> t.stats().callCount())
        .sum();
  }

  private static void assertWithinStatedError(int estimate, int exact) {
    assertThat((double) Math.abs(estimate - exact))
        .as("estimate %d of exact %d", estimate, exact)
        .isLessThanOrEqualTo(LatencyHistogram.RELATIVE_ERROR * exact);
  }
}
