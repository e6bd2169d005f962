package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.application.port.out.CleanupReport;
import dev.mcpusage.application.port.out.UsageEventSink.AppendResult;
import dev.mcpusage.domain.bucket.DayBucket;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.stats.UsageRollup;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention drops whole expired days, trims the boundary day exactly, and leaves later days alone.
 */
class RetentionIT {

  @Test
  void given184DaysOfEvents_removeBefore180DayCutoff_dropsOnlyExpiredDaysAndTrimsTheBoundary() {
    TestDatabase db = TestDatabase.shared().empty();
    Instant now = Instant.parse("2026-11-25T06:00:00Z");
    Instant cutoff = now.minus(Duration.ofDays(180));
    List<UsageEvent> events = new ArrayList<>();
    for (int day = 0; day < 184; day++) {
      Instant midnight = new DayBucket(LocalDate.of(2026, 11, 25).minusDays(day)).start();
      for (int hour = 0; hour < 24; hour += 3) {
        events.add(anEvent().timestamp(midnight.plus(Duration.ofHours(hour))).build());
      }
    }
    PostgresUsageEventSink sink = new PostgresUsageEventSink(db.pool);
    sink.append(events);
    PostgresUsageStatsReader reader = new PostgresUsageStatsReader(db.pool);
    TimeWindow kept = new TimeWindow(new DayBucket(LocalDate.of(2026, 5, 30)).start(), now);
    List<UsageRollup> keptBefore = reader.daily(kept, UsageFilter.NONE);

    PostgresMaintenanceStore maintenance = new PostgresMaintenanceStore(db.pool);
    CleanupReport preview = maintenance.previewRemovalBefore(cutoff);
    int partitionsBefore = maintenance.partitions().size();
    CleanupReport report = maintenance.removeEventsBefore(cutoff);

    assertThat(report.droppedDays())
        .extracting(DayBucket::date)
        .containsExactly(
            LocalDate.of(2026, 5, 26), LocalDate.of(2026, 5, 27), LocalDate.of(2026, 5, 28));
    // the boundary day 2026-05-29 loses its 00:00 and 03:00 events (before 06:00), keeps
    // 06:00..21:00
    assertThat(report.deletedEvents()).isEqualTo(3 * 8 + 2);
    assertThat(preview).isEqualTo(report);
    assertThat(partitionsBefore).isEqualTo(184);
    assertThat(maintenance.partitions())
        .hasSize(181)
        .allSatisfy(p -> assertThat(p.bytes()).isPositive())
        .first()
        .satisfies(p -> assertThat(p.events()).isEqualTo(6));
    TimeWindow boundary =
        new TimeWindow(
            new DayBucket(LocalDate.of(2026, 5, 29)).start(),
            new DayBucket(LocalDate.of(2026, 5, 30)).start());
    assertThat(reader.daily(boundary, UsageFilter.NONE))
        .singleElement()
        .satisfies(row -> assertThat(row.stats().callCount()).isEqualTo(6));
    assertThat(reader.hourly(boundary, UsageFilter.NONE))
        .extracting(UsageRollup::bucketStart)
        .allSatisfy(hour -> assertThat(hour).isAfterOrEqualTo(cutoff));
    assertThat(reader.daily(kept, UsageFilter.NONE)).isEqualTo(keptBefore);
    assertThat(
            Psql.run(
                    db.address(),
                    "SELECT count(*) FROM archon_mcp_usage_events WHERE \"timestamp\" < '"
                        + cutoff
                        + "';")
                .output())
        .isEqualTo("0");
    assertThat(
            Psql.run(
                    db.address(),
                    "SELECT to_regclass('archon_mcp_usage_events_p20260528') IS NULL;")
                .output())
        .isEqualTo("t");
    assertThat(expiredTables(db)).isEqualTo("0");
  }

  @Test
  void givenAnExpiryCutOffBeforeItsDrop_theNextExpiry_dropsTheDetachedDays() {
    TestDatabase db = TestDatabase.shared().empty();
    PostgresUsageEventSink sink = new PostgresUsageEventSink(db.pool);
    sink.append(
        List.of(
            anEvent().timestamp(Instant.parse("2026-05-20T10:00:00Z")).build(),
            anEvent().timestamp(Instant.parse("2026-05-21T10:00:00Z")).build()));
    // the first transaction alone, as when the process dies before the second: the day is
    // detached (its events gone for every reader), its table kept under another name
    Psql.run(db.address(), "SELECT mcp_usage_remove_events_before('2026-05-21T00:00:00Z');");
    assertThat(expiredTables(db)).isEqualTo("1");
    assertThat(Psql.run(db.address(), "SELECT count(*) FROM archon_mcp_usage_events;").output())
        .isEqualTo("1");
    // a late event for the detached day, from a process whose sink has not seen that day, gets a
    // new partition under the day's name
    new PostgresUsageEventSink(db.pool)
        .append(List.of(anEvent().timestamp(Instant.parse("2026-05-20T11:00:00Z")).build()));
    assertThat(
            Psql.run(db.address(), "SELECT count(*) FROM archon_mcp_usage_events_p20260520;")
                .output())
        .isEqualTo("1");

    CleanupReport next =
        new PostgresMaintenanceStore(db.pool)
            .removeEventsBefore(Instant.parse("2026-05-22T00:00:00Z"));

    assertThat(next.droppedDays())
        .extracting(DayBucket::date)
        .containsExactly(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 21));
    assertThat(expiredTables(db)).isEqualTo("0");
    assertThat(Psql.run(db.address(), "SELECT count(*) FROM archon_mcp_usage_events;").output())
        .isEqualTo("0");
  }

  @Test
  void theSeedsCleanupFunction_removesExpiredDaysAndTheirFilesInOneCall() {
    TestDatabase db = TestDatabase.shared().empty();
    Instant expired = Instant.now().minus(Duration.ofDays(200));
    new PostgresUsageEventSink(db.pool)
        .append(
            List.of(
                anEvent().timestamp(expired).build(),
                anEvent().timestamp(Instant.now().minus(Duration.ofDays(1))).build()));

    assertThat(Psql.run(db.address(), "SELECT cleanup_mcp_usage_events();").output())
        .isEqualTo("1");

    assertThat(expiredTables(db)).isEqualTo("0");
    assertThat(Psql.run(db.address(), "SELECT count(*) FROM archon_mcp_usage_events;").output())
        .isEqualTo("1");
  }

  private static String expiredTables(TestDatabase db) {
    return Psql.run(
            db.address(),
            "SELECT count(*) FROM pg_class WHERE relname LIKE 'mcp\\_usage\\_expired\\_%';")
        .output();
  }

  @Test
  void givenADayExpiredAfterTheSinkStoredIt_appendOfALateEvent_keepsItUntilTheNextExpiry() {
    TestDatabase db = TestDatabase.shared().empty();
    Instant onExpiredDay = Instant.parse("2026-05-20T10:00:00Z");
    Instant cutoff = Instant.parse("2026-05-22T00:00:00Z");
    PostgresUsageEventSink sink = new PostgresUsageEventSink(db.pool);
    sink.append(List.of(anEvent().timestamp(onExpiredDay).build()));
    PostgresMaintenanceStore maintenance = new PostgresMaintenanceStore(db.pool);
    // drops the day's partition, which the sink remembers as made
    assertThat(maintenance.removeEventsBefore(cutoff).deletedEvents()).isEqualTo(1);

    AppendResult late =
        sink.append(List.of(anEvent().timestamp(onExpiredDay.plusSeconds(60)).build()));

    assertThat(late).isEqualTo(new AppendResult(1, 0));
    assertThat(
            Psql.run(db.address(), "SELECT count(*) FROM archon_mcp_usage_events_default;")
                .output())
        .isEqualTo("1");
    assertThat(maintenance.removeEventsBefore(cutoff).deletedEvents()).isEqualTo(1);
    assertThat(Psql.run(db.address(), "SELECT count(*) FROM archon_mcp_usage_events;").output())
        .isEqualTo("0");
  }
}
