package dev.mcpusage.application.port.in;

import dev.mcpusage.application.port.out.CleanupReport;
import dev.mcpusage.application.port.out.CronJobsReport;
import dev.mcpusage.application.port.out.PartitionInfo;
import dev.mcpusage.application.port.out.RollbackReport;
import dev.mcpusage.application.port.out.RollupRebuild;
import dev.mcpusage.application.port.out.SchemaMigration;
import dev.mcpusage.application.port.out.StoreDescription;
import dev.mcpusage.application.port.out.VerificationCheck;
import dev.mcpusage.domain.bucket.DayBucket;
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.util.List;

/** Use case: keep the store healthy — partitions ahead, retention, rollup repair, self-check. */
public interface MaintainUsage {

  /** Makes sure event partitions exist from today through {@code daysAhead} days ahead. */
  int preparePartitions(int daysAhead);

  /** Removes events older than the policy allows: whole days dropped, the boundary day trimmed. */
  CleanupReport applyRetention(RetentionPolicy policy);

  /**
   * Removes the days wholly older than the policy allows and trims no day: the cheap expiry a
   * schedule runs often (the boundary day's events go the next day, whole).
   */
  CleanupReport dropExpiredDays(RetentionPolicy policy);

  /** What {@link #applyRetention} would remove now, removing nothing. */
  CleanupReport previewRetention(RetentionPolicy policy);

  /** The event partitions (one per UTC day), oldest first. */
  List<PartitionInfo> partitions();

  /** Rebuilds every rollup from the raw events (repair; normal inserts keep rollups current). */
  List<RollupRebuild> rebuildRollups();

  /** Rebuilds the rollups of the UTC days first..last only; returns how many events they hold. */
  long rebuildRollups(DayBucket first, DayBucket last);

  /** Runs the store's self-checks (the seed's four checks and the rollup status). */
  List<VerificationCheck> verify();

  /** Brings the store's schema to the newest version. */
  SchemaMigration migrate();

  /** Which store is in use and how to reach it by hand. */
  StoreDescription describeStore(boolean withSecrets);

  /** Removes the whole schema and its data, or with {@code execute} false says what would go. */
  RollbackReport rollback(boolean execute);

  /** Registers the maintenance jobs with the database's pg_cron, where it is installed. */
  CronJobsReport installCronJobs();

  /** Removes them. */
  CronJobsReport removeCronJobs();
}
