package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_DAILY;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_EVENTS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.ARCHON_MCP_USAGE_HOURLY;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.GET_MCP_USAGE_SUMMARY;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_ROLLUP_STATUS;

import dev.mcpusage.adapter.out.postgres.jooq.tables.records.ArchonMcpUsageEventsRecord;
import dev.mcpusage.application.port.out.VerificationCheck;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The seed's four schema checks, made to work, plus the rollup status the seed's broken
 * "materialized view status" query meant to show. The test insert is always rolled back.
 */
final class PostgresSelfChecks {

  private final PostgresConnectionPool pool;

  PostgresSelfChecks(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  List<VerificationCheck> run() {
    List<VerificationCheck> checks = new ArrayList<>();
    checks.add(
        check(
            "table exists",
            dsl -> {
              long rows = dsl.fetchCount(ARCHON_MCP_USAGE_EVENTS);
              return new VerificationCheck(
                  "table exists", true, "archon_mcp_usage_events exists with " + rows + " rows");
            }));
    checks.addAll(insertChecksRolledBack());
    checks.add(
        check(
            "views queryable",
            dsl -> {
              dsl.selectFrom(ARCHON_MCP_USAGE_HOURLY).limit(1).fetch();
              dsl.selectFrom(ARCHON_MCP_USAGE_DAILY).limit(1).fetch();
              long calls =
                  dsl.selectFrom(GET_MCP_USAGE_SUMMARY.call(24)).fetchOne().getTotalCalls();
              return new VerificationCheck(
                  "views queryable",
                  true,
                  "archon_mcp_usage_hourly, archon_mcp_usage_daily and get_mcp_usage_summary(24) answer ("
                      + calls
                      + " calls in 24 h)");
            }));
    checks.add(
        check(
            "rollups current",
            dsl -> {
              var status = dsl.selectFrom(MCP_USAGE_ROLLUP_STATUS).fetch();
              boolean inSync =
                  status.stream().allMatch(row -> Boolean.TRUE.equals(row.getInSync()));
              StringBuilder detail = new StringBuilder();
              status.forEach(
                  row ->
                      detail
                          .append(row.getViewName())
                          .append(": ")
                          .append(row.getRollupRows())
                          .append(" rows, last call ")
                          .append(
                              row.getLastCallAt() == null ? "none" : row.getLastCallAt().toString())
                          .append(inSync ? "" : " (behind the events: run mcp-usage refresh)")
                          .append("; "));
              return new VerificationCheck(
                  "rollups current", inSync, detail.toString().replaceAll("; $", ""));
            }));
    return checks;
  }

  private List<VerificationCheck> insertChecksRolledBack() {
    List<VerificationCheck> results = new ArrayList<>();
    try {
      pool.inTransaction(
          dsl -> {
            UUID id = UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            dsl.insertInto(ARCHON_MCP_USAGE_EVENTS)
                .set(ARCHON_MCP_USAGE_EVENTS.ID, id)
                .set(ARCHON_MCP_USAGE_EVENTS.TIMESTAMP, at)
                .set(ARCHON_MCP_USAGE_EVENTS.SERVER_NAME, "mcp-usage-verify")
                .set(ARCHON_MCP_USAGE_EVENTS.TOOL_NAME, "verify_tool")
                .set(ARCHON_MCP_USAGE_EVENTS.TOOL_CATEGORY, "verify")
                .set(ARCHON_MCP_USAGE_EVENTS.RESPONSE_TIME_MS, 7)
                .execute();
            ArchonMcpUsageEventsRecord stored =
                dsl.selectFrom(ARCHON_MCP_USAGE_EVENTS)
                    .where(ARCHON_MCP_USAGE_EVENTS.ID.eq(id))
                    .fetchOne();
            results.add(
                new VerificationCheck(
                    "test insert",
                    stored != null,
                    stored != null
                        ? "test event inserted and read back (rolled back afterwards)"
                        : "test event not found after insert"));
            boolean bucketsRight =
                stored != null
                    && stored
                        .getHourBucket()
                        .toInstant()
                        .equals(at.toInstant().truncatedTo(ChronoUnit.HOURS))
                    && stored.getDateBucket().equals(at.toLocalDate());
            Long rolledUp =
                dsl.select(ARCHON_MCP_USAGE_HOURLY.CALL_COUNT)
                    .from(ARCHON_MCP_USAGE_HOURLY)
                    .where(ARCHON_MCP_USAGE_HOURLY.SERVER_NAME.eq("mcp-usage-verify"))
                    .and(ARCHON_MCP_USAGE_HOURLY.TOOL_NAME.eq("verify_tool"))
                    .fetchOne(ARCHON_MCP_USAGE_HOURLY.CALL_COUNT);
            boolean rollupRight = rolledUp != null && rolledUp == 1;
            results.add(
                new VerificationCheck(
                    "computed buckets",
                    bucketsRight && rollupRight,
                    (bucketsRight
                            ? "hour_bucket and date_bucket are the UTC hour and day"
                            : "hour_bucket/date_bucket wrong: "
                                + (stored == null
                                    ? "no row"
                                    : stored.getHourBucket() + " / " + stored.getDateBucket()))
                        + (rollupRight
                            ? "; the hourly rollup counted the event at once"
                            : "; the hourly rollup did not count the event")));
            throw new RolledBack();
          });
    } catch (RolledBack expected) {
      return results;
    } catch (DataAccessException | dev.mcpusage.application.port.out.StoreUnavailableException e) {
      results.add(new VerificationCheck("test insert", false, e.getMessage()));
    }
    return results;
  }

  private VerificationCheck check(
      String name, java.util.function.Function<DSLContext, VerificationCheck> body) {
    try {
      return pool.withDsl(body);
    } catch (DataAccessException | dev.mcpusage.application.port.out.StoreUnavailableException e) {
      return new VerificationCheck(name, false, e.getMessage());
    }
  }

  /** Thrown to end the test transaction with a rollback. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
