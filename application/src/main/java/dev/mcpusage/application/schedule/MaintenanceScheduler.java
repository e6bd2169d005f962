package dev.mcpusage.application.schedule;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.CleanupReport;
import dev.mcpusage.application.port.out.SchedulerLease;
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduler: what the seed left to cron, run by {@code serve} itself — day partitions made ahead
 * and retention applied on every tick — by exactly one of the processes sharing the store (the
 * holder of the {@link SchedulerLease}); the others stand by and take over when it goes away.
 * Rollups need no scheduled refresh: they are current after every insert.
 */
public final class MaintenanceScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);

  /** Days of partitions kept ready ahead of today. */
  static final int PARTITION_DAYS_AHEAD = 7;

  private final MaintainUsage maintainUsage;
  private final SchedulerLease lease;
  private final RetentionPolicy retention;
  private final Duration every;
  private ScheduledExecutorService executor;
  private boolean leading;
  private boolean announcedStandby;

  public MaintenanceScheduler(
      MaintainUsage maintainUsage,
      SchedulerLease lease,
      RetentionPolicy retention,
      Duration every) {
    this.maintainUsage = maintainUsage;
    this.lease = lease;
    this.retention = retention;
    this.every = every;
  }

  /** Runs the first tick now and one every period after it, on a daemon thread. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "mcp-usage-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One round: take or keep the lease, and if held, run the maintenance. */
  void tick() {
    try {
      if (!lease.acquire()) {
        if (leading || !announcedStandby) {
          LOG.info("scheduled maintenance: another mcp-usage process runs it; standing by");
        }
        leading = false;
        announcedStandby = true;
        return;
      }
      if (!leading) {
        LOG.info(
            "scheduled maintenance: this process runs it every {} s (partitions ahead, retention"
                + " {} days)",
            every.toSeconds(),
            retention.days());
      }
      leading = true;
      int created = maintainUsage.preparePartitions(PARTITION_DAYS_AHEAD);
      // whole days only: trimming the boundary day rebuilds its rollups, which at 100M events
      // takes a minute — too much for every round; `cleanup` trims to the exact cutoff
      CleanupReport cleanup = maintainUsage.dropExpiredDays(retention);
      LOG.info(
          "scheduled maintenance ran: {} partitions created ahead, {} expired days dropped,"
              + " {} events deleted in all",
          created,
          cleanup.droppedDays().size(),
          cleanup.deletedEvents());
    } catch (RuntimeException e) {
      LOG.warn(
          "scheduled maintenance failed, next try in {} s: {}", every.toSeconds(), e.getMessage());
    }
  }

  /** Stops the ticks and frees the lease for another process. */
  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
    lease.close();
  }
}
