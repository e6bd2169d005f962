package dev.mcpusage.application.inmemory;

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
import java.util.List;

/** Adapter (in memory): housekeeping for the in-memory store, which needs little of it. */
public final class InMemoryMaintenanceStore implements MaintenanceStore {

  private final InMemoryUsageEvents events;

  public InMemoryMaintenanceStore(InMemoryUsageEvents events) {
    this.events = events;
  }

  @Override
  public int ensurePartitions(DayBucket first, DayBucket last) {
    return 0;
  }

  @Override
  public CleanupReport removeEventsBefore(Instant cutoff) {
    long removed = events.removeIf(event -> event.timestamp().isBefore(cutoff));
    return new CleanupReport(cutoff, List.of(), removed);
  }

  @Override
  public CleanupReport previewRemovalBefore(Instant cutoff) {
    return new CleanupReport(
        cutoff, List.of(), events.matching(event -> event.timestamp().isBefore(cutoff)).size());
  }

  @Override
  public List<PartitionInfo> partitions() {
    return events.matching(event -> true).stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                event -> DayBucket.of(event.timestamp()),
                java.util.TreeMap::new,
                java.util.stream.Collectors.counting()))
        .entrySet()
        .stream()
        .map(entry -> new PartitionInfo(entry.getKey(), entry.getValue(), 0))
        .toList();
  }

  @Override
  public List<RollupRebuild> rebuildRollups() {
    return List.of(
        new RollupRebuild("archon_mcp_usage_hourly", "computed on read"),
        new RollupRebuild("archon_mcp_usage_daily", "computed on read"));
  }

  @Override
  public long rebuildRollups(DayBucket first, DayBucket last) {
    // rollups are computed on read here: nothing to rebuild, only the events to count
    return events
        .matching(
            event -> {
              DayBucket day = DayBucket.of(event.timestamp());
              return day.compareTo(first) >= 0 && day.compareTo(last) <= 0;
            })
        .size();
  }

  @Override
  public List<VerificationCheck> runChecks() {
    return List.of(new VerificationCheck("in-memory store", true, "no database to check"));
  }

  @Override
  public SchemaMigration migrateSchema() {
    return new SchemaMigration("in-memory", 0);
  }

  @Override
  public StoreDescription describe(boolean withSecrets) {
    return new StoreDescription("in-memory", true, "memory:", "");
  }

  @Override
  public RollbackReport rollback(boolean execute) {
    long stored = events.matching(event -> true).size();
    if (execute) {
      events.removeIf(event -> true);
    }
    return new RollbackReport(List.of("in-memory events"), stored, execute);
  }

  @Override
  public CronJobsReport installCronJobs() {
    return new CronJobsReport(false, List.of(), "the in-memory store has no pg_cron");
  }

  @Override
  public CronJobsReport removeCronJobs() {
    return installCronJobs();
  }
}
