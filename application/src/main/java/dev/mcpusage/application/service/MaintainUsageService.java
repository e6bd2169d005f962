package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.MaintainUsage;
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
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Service: runs housekeeping against the store with times taken from the clock. */
public class MaintainUsageService implements MaintainUsage {

  /** Most days of partitions prepared ahead in one call. */
  public static final int MAX_DAYS_AHEAD = 366;

  private final MaintenanceStore store;
  private final Clock clock;

  public MaintainUsageService(MaintenanceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public int preparePartitions(int daysAhead) {
    if (daysAhead < 0 || daysAhead > MAX_DAYS_AHEAD) {
      throw new IllegalArgumentException(
          "days ahead must be between 0 and " + MAX_DAYS_AHEAD + ", was " + daysAhead);
    }
    DayBucket today = DayBucket.of(clock.instant());
    return store.ensurePartitions(today, new DayBucket(today.date().plusDays(daysAhead)));
  }

  @Override
  public CleanupReport applyRetention(RetentionPolicy policy) {
    Instant now = clock.instant();
    return store.removeEventsBefore(policy.cutoff(now));
  }

  @Override
  public CleanupReport dropExpiredDays(RetentionPolicy policy) {
    return store.removeEventsBefore(policy.wholeDaysCutoff(clock.instant()));
  }

  @Override
  public CleanupReport previewRetention(RetentionPolicy policy) {
    return store.previewRemovalBefore(policy.cutoff(clock.instant()));
  }

  @Override
  public List<PartitionInfo> partitions() {
    return store.partitions();
  }

  @Override
  public List<RollupRebuild> rebuildRollups() {
    return store.rebuildRollups();
  }

  @Override
  public long rebuildRollups(DayBucket first, DayBucket last) {
    if (last.compareTo(first) < 0) {
      throw new IllegalArgumentException("the last day " + last + " is before the first " + first);
    }
    return store.rebuildRollups(first, last);
  }

  @Override
  public List<VerificationCheck> verify() {
    return store.runChecks();
  }

  @Override
  public SchemaMigration migrate() {
    return store.migrateSchema();
  }

  @Override
  public StoreDescription describeStore(boolean withSecrets) {
    return store.describe(withSecrets);
  }

  @Override
  public RollbackReport rollback(boolean execute) {
    return store.rollback(execute);
  }

  @Override
  public CronJobsReport installCronJobs() {
    return store.installCronJobs();
  }

  @Override
  public CronJobsReport removeCronJobs() {
    return store.removeCronJobs();
  }
}
