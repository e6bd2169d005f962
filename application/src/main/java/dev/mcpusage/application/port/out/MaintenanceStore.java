package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.bucket.DayBucket;
import java.time.Instant;
import java.util.List;

/** Port out: the store's housekeeping — partitions, retention, rollup rebuilds, self-checks. */
public interface MaintenanceStore {

  /** Creates the missing event partitions for the days from {@code first} to {@code last}. */
  int ensurePartitions(DayBucket first, DayBucket last);

  /** Removes every event stamped before {@code cutoff}, keeping rollups consistent. */
  CleanupReport removeEventsBefore(Instant cutoff);

  /** What {@link #removeEventsBefore} would remove, removing nothing. */
  CleanupReport previewRemovalBefore(Instant cutoff);

  /** The event partitions, oldest first. */
  List<PartitionInfo> partitions();

  /** Rebuilds all rollups from the events. */
  List<RollupRebuild> rebuildRollups();

  /** Rebuilds the rollups of the UTC days first..last from their events; returns the events. */
  long rebuildRollups(DayBucket first, DayBucket last);

  /** Runs the store's self-checks. */
  List<VerificationCheck> runChecks();

  /** Brings the schema to the newest version. */
  SchemaMigration migrateSchema();

  /**
   * Says which store this is and where; {@code withSecrets} includes a password if there is one.
   */
  StoreDescription describe(boolean withSecrets);

  /**
   * Removes everything the schema migrations created (events, rollups, views, functions, roles, the
   * migration records), or with {@code execute} false only says what that would be.
   */
  RollbackReport rollback(boolean execute);

  /** Registers the maintenance jobs with pg_cron, where the extension is installed. */
  CronJobsReport installCronJobs();

  /** Removes the jobs {@link #installCronJobs} registered. */
  CronJobsReport removeCronJobs();
}
