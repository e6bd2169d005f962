package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.adapter.out.postgres.jooq.Routines;
import dev.mcpusage.application.port.out.VerificationCheck;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.latency.LatencyHistogram;
import dev.mcpusage.domain.stats.BucketStats;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema agrees with the domain, keeps its roles apart, and checks itself. */
class SchemaRulesIT {

  private TestDatabase db;

  @BeforeEach
  void emptyDatabase() {
    db = TestDatabase.shared().empty();
  }

  @Test
  void latencyBoundsInSql_areTheDomainsBounds() {
    Integer[] sqlBounds = db.sql(dsl -> Routines.mcpUsageLatencyBounds(dsl.configuration()));

    assertThat(Arrays.asList(sqlBounds)).isEqualTo(LatencyHistogram.lowerBounds());
  }

  @Test
  void percentilesInTheSeedViews_equalTheDomainsEstimate() {
    Random random = new Random(3);
    Instant hour = Instant.parse("2026-03-10T08:00:00Z");
    List<UsageEvent> events =
        random
            .ints(700, 0, 90_000)
            .mapToObj(
                ms ->
                    anEvent()
                        .timestamp(hour.plusSeconds(random.nextInt(3600)))
                        .responseTimeMs(ms)
                        .build())
            .toList();
    new PostgresUsageEventSink(db.pool).append(events);
    BucketStats expected =
        events.stream().map(BucketStats::of).reduce(BucketStats.EMPTY, BucketStats::merge);

    Psql.Result view =
        Psql.run(
            db.address(),
            "SELECT p50_response_time_ms, p95_response_time_ms, p99_response_time_ms FROM archon_mcp_usage_hourly;");

    assertThat(view.output())
        .isEqualTo(
            expected.percentiles().p50()
                + "|"
                + expected.percentiles().p95()
                + "|"
                + expected.percentiles().p99());
  }

  @Test
  void readerRole_canRead_butNotWrite_andWriterRole_insertsWithRollups() {
    Psql.Result result =
        Psql.run(
            db.address(),
            """
        SET ROLE mcp_usage_writer;
        INSERT INTO archon_mcp_usage_events (tool_name, tool_category, response_time_ms) VALUES ('find_projects', 'project', 9);
        SELECT call_count FROM archon_mcp_usage_hourly WHERE tool_name = 'find_projects';
        RESET ROLE;
        SET ROLE mcp_usage_reader;
        SELECT count(*) FROM archon_mcp_usage_events;
        SELECT total_calls FROM get_mcp_usage_summary(1);
        INSERT INTO archon_mcp_usage_events (tool_name, tool_category, response_time_ms) VALUES ('x', 'y', 1);
        """);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .startsWith("1\n1\n1\n")
        .contains("permission denied for table archon_mcp_usage_events");
  }

  @Test
  void selfChecks_allPass_andLeaveNoTestRowBehind() {
    new PostgresUsageEventSink(db.pool)
        .append(List.of(anEvent().timestamp(Instant.now().minusSeconds(5)).build()));

    List<VerificationCheck> checks = new PostgresMaintenanceStore(db.pool).runChecks();

    assertThat(checks)
        .extracting(VerificationCheck::name)
        .containsExactly(
            "table exists",
            "test insert",
            "computed buckets",
            "views queryable",
            "rollups current");
    assertThat(checks).allSatisfy(check -> assertThat(check.passed()).as(check.detail()).isTrue());
    assertThat(checks.get(0).detail()).contains("with 1 rows");
    assertThat(Psql.run(db.address(), "SELECT count(*) FROM archon_mcp_usage_events;").output())
        .isEqualTo("1");
  }

  @Test
  void eventsIndexes_areTheTimeFirstKey_andTheMetadataIndex_only() {
    // every index on the events costs each insert and each expiry's drop; the key leads with the
    // time so that it serves the reads by time too (V10)
    Psql.Result result =
        Psql.run(
            db.address(),
            """
        SELECT indexname || ' ' || regexp_replace(indexdef, '^.* USING ', '')
          FROM pg_indexes WHERE tablename = 'archon_mcp_usage_events' ORDER BY indexname;
        """);

    assertThat(result.output())
        .isEqualTo(
            """
            archon_mcp_usage_events_pkey btree ("timestamp", id, server_name)
            idx_mcp_usage_events_metadata gin (request_metadata jsonb_path_ops)""");
  }

  @Test
  void migrationRecord_isInArchonMigrations() {
    Psql.Result result =
        Psql.run(db.address(), "SELECT version, migration_name FROM archon_migrations;");

    assertThat(result.output()).isEqualTo("0.2.0|001_add_mcp_usage_tracking");
  }
}
