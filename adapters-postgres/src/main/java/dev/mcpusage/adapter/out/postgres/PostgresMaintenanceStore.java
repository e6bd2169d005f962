package dev.mcpusage.adapter.out.postgres;

import static dev.mcpusage.adapter.out.postgres.jooq.Tables.MCP_USAGE_PARTITIONS;
import static dev.mcpusage.adapter.out.postgres.jooq.Tables.REFRESH_MCP_USAGE_VIEWS;

import dev.mcpusage.adapter.out.postgres.jooq.Routines;
import dev.mcpusage.adapter.out.postgres.jooq.routines.McpUsageEventsBefore;
import dev.mcpusage.adapter.out.postgres.jooq.routines.McpUsageRemoveEventsBefore;
import dev.mcpusage.application.port.out.CleanupReport;
import dev.mcpusage.application.port.out.CronJobsReport;
import dev.mcpusage.application.port.out.MaintenanceStore;
import dev.mcpusage.application.port.out.PartitionInfo;
import dev.mcpusage.application.port.out.RollbackReport;
import dev.mcpusage.application.port.out.RollupRebuild;
import dev.mcpusage.application.port.out.SchemaMigration;
import dev.mcpusage.application.port.out.StoreDescription;
import dev.mcpusage.application.port.out.VerificationCheck;
import dev.mcpusage.domain.bucket.DayBucket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Adapter (PostgreSQL): partitions, retention, rollup rebuilds and self-checks via the schema's
 * functions.
 */
public final class PostgresMaintenanceStore implements MaintenanceStore {

  private final PostgresConnectionPool pool;

  public PostgresMaintenanceStore(PostgresConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public int ensurePartitions(DayBucket first, DayBucket last) {
    return pool.inTransaction(
        dsl -> Routines.mcpUsageEnsurePartitions(dsl.configuration(), first.date(), last.date()));
  }

  @Override
  public CleanupReport removeEventsBefore(Instant cutoff) {
    McpUsageRemoveEventsBefore removed =
        pool.inTransaction(
            dsl ->
                Routines.mcpUsageRemoveEventsBefore(
                    dsl.configuration(), cutoff.atOffset(ZoneOffset.UTC)));
    // the detached days' files go in a transaction of their own, which locks only them, and then
    // their aggregates
    pool.inTransaction(dsl -> Routines.mcpUsageDropExpiredDays(dsl.configuration()));
    pool.inTransaction(
        dsl ->
            Routines.mcpUsageTrimAggregatesBefore(
                dsl.configuration(), DayBucket.of(cutoff).date()));
    List<DayBucket> days = Arrays.stream(removed.getDroppedDays()).map(DayBucket::new).toList();
    return new CleanupReport(cutoff, days, removed.getDeletedCount());
  }

  @Override
  public CleanupReport previewRemovalBefore(Instant cutoff) {
    McpUsageEventsBefore expired =
        pool.inTransaction(
            dsl ->
                Routines.mcpUsageEventsBefore(
                    dsl.configuration(), cutoff.atOffset(ZoneOffset.UTC)));
    return new CleanupReport(
        cutoff,
        Arrays.stream(expired.getDroppedDays()).map(DayBucket::new).toList(),
        expired.getDeletedCount());
  }

  @Override
  public List<PartitionInfo> partitions() {
    return pool.inTransaction(
        dsl ->
            dsl.selectFrom(MCP_USAGE_PARTITIONS.call())
                .fetch(
                    row ->
                        new PartitionInfo(
                            new DayBucket(row.getDay()), row.getEvents(), row.getTotalBytes())));
  }

  @Override
  public List<RollupRebuild> rebuildRollups() {
    return pool.inTransaction(
        dsl ->
            dsl.selectFrom(REFRESH_MCP_USAGE_VIEWS.call())
                .fetch(row -> new RollupRebuild(row.getViewName(), row.getRefreshStatus())));
  }

  @Override
  public long rebuildRollups(DayBucket first, DayBucket last) {
    return pool.inTransaction(
        dsl -> Routines.mcpUsageRebuildRollups(dsl.configuration(), first.date(), last.date()));
  }

  @Override
  public List<VerificationCheck> runChecks() {
    return new PostgresSelfChecks(pool).run();
  }

  @Override
  public SchemaMigration migrateSchema() {
    PostgresSchemaMigrator.MigrationOutcome outcome = new PostgresSchemaMigrator(pool).migrate();
    int appliedAtStart =
        pool.migrationAtStart().map(PostgresSchemaMigrator.MigrationOutcome::applied).orElse(0);
    return new SchemaMigration(outcome.version(), outcome.applied() + appliedAtStart);
  }

  @Override
  public StoreDescription describe(boolean withSecrets) {
    DatabaseAddress address = pool.address();
    return new StoreDescription(
        "PostgreSQL " + pool.serverVersion(),
        pool.isEmbedded(),
        address.redactedUrl(),
        address.psqlUri(withSecrets));
  }

  @Override
  public RollbackReport rollback(boolean execute) {
    return pool.inTransaction(dsl -> PostgresSchemaRollback.run(dsl, execute));
  }

  @Override
  public CronJobsReport installCronJobs() {
    return pool.inTransaction(dsl -> PostgresCronJobs.install(dsl));
  }

  @Override
  public CronJobsReport removeCronJobs() {
    return pool.inTransaction(dsl -> PostgresCronJobs.remove(dsl));
  }
}
