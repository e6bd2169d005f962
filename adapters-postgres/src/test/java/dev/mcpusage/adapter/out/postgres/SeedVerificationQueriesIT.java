package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verification queries of the seed's README, run verbatim through psql. */
class SeedVerificationQueriesIT {

  private TestDatabase db;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void insertEvents() {
    db = TestDatabase.shared().empty();
    new PostgresUsageEventSink(db.pool)
        .append(
            List.of(
                anEvent()
                    .timestamp(now.minusSeconds(10))
                    .toolName("rag_search_knowledge_base")
                    .toolCategory("rag")
                    .responseTimeMs(100)
                    .sessionId("s1")
                    .build(),
                anEvent()
                    .timestamp(now.minusSeconds(20))
                    .toolName("rag_search_knowledge_base")
                    .toolCategory("rag")
                    .responseTimeMs(300)
                    .success(false)
                    .sessionId("s2")
                    .build(),
                anEvent()
                    .timestamp(now.minusSeconds(30))
                    .toolName("find_tasks")
                    .toolCategory("task")
                    .responseTimeMs(20)
                    .sessionId("s1")
                    .build(),
                anEvent()
                    .timestamp(now.minus(Duration.ofHours(30)))
                    .toolName("find_tasks")
                    .toolCategory("task")
                    .responseTimeMs(50)
                    .sessionId("s3")
                    .build()));
  }

  @Test
  void checkRecentEvents_listsNewestFirst() {
    Psql.Result result =
        Psql.run(
            db.address(),
            """
        SELECT
            tool_name,
            tool_category,
            response_time_ms,
            success,
            timestamp
        FROM archon_mcp_usage_events
        ORDER BY timestamp DESC
        LIMIT 10;
        """);

    assertThat(result.exitCode()).isZero();
    assertThat(result.lines()).hasSize(4);
    assertThat(result.lines().get(0)).startsWith("rag_search_knowledge_base|rag|100|t|");
    assertThat(result.lines().get(3)).startsWith("find_tasks|task|50|t|");
  }

  @Test
  void viewHourlyAggregations_sumsTheLast24HoursPerCategory() {
    Psql.Result result =
        Psql.run(
            db.address(),
            """
        SELECT
            hour_bucket,
            tool_category,
            SUM(call_count) as total_calls,
            AVG(avg_response_time_ms) as avg_response_time
        FROM archon_mcp_usage_hourly
        WHERE hour_bucket >= NOW() - INTERVAL '24 hours'
        GROUP BY hour_bucket, tool_category
        ORDER BY hour_bucket DESC;
        """);

    assertThat(result.exitCode()).isZero();
    assertThat(result.lines()).anySatisfy(line -> assertThat(line).contains("|rag|2|200.0"));
    assertThat(result.lines()).anySatisfy(line -> assertThat(line).contains("|task|1|20.0"));
    assertThat(result.lines()).noneSatisfy(line -> assertThat(line).contains("|task|1|50.0"));
  }

  @Test
  void getUsageSummary_answersTheSeedsColumns() {
    Psql.Result result =
        Psql.run(db.address(), "SELECT * FROM get_mcp_usage_summary(24);  -- Last 24 hours\n");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).isEqualTo("3|2|1|66.67|2|140.00|rag_search_knowledge_base|rag");
  }

  @Test
  void getUsageSummary_ofAnEmptyWindow_isOneRowOfZeros() {
    db.empty();

    Psql.Result result = Psql.run(db.address(), "SELECT * FROM get_mcp_usage_summary(24);");

    assertThat(result.output()).isEqualTo("0|0|0|0|0|0||");
  }

  @Test
  void theSeedsMaterializedViewStatusQueryFails_andOurReplacementAnswers() {
    Psql.Result seeds =
        Psql.run(
            db.address(),
            """
        SELECT
            schemaname,
            matviewname,
            last_refresh
        FROM pg_stat_user_tables
        WHERE schemaname = 'public'
        AND tablename LIKE 'archon_mcp_usage_%';
        """);
    Psql.Result ours =
        Psql.run(
            db.address(),
            "SELECT view_name, rollup_rows > 0, in_sync FROM mcp_usage_rollup_status;");

    assertThat(seeds.exitCode()).isNotZero();
    assertThat(seeds.output()).contains("matviewname");
    assertThat(ours.lines())
        .containsExactly("archon_mcp_usage_hourly|t|t", "archon_mcp_usage_daily|t|t");
  }
}
