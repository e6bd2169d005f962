package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mcpusage.application.port.in.ExportUsage;
import dev.mcpusage.application.port.in.LoadDemoUsage;
import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.RecordUsage;
import dev.mcpusage.application.port.in.ReportHealth;
import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.application.port.out.EventStreamReader;
import dev.mcpusage.application.port.out.MaintenanceStore;
import dev.mcpusage.application.port.out.SchedulerLease;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.application.port.out.UsageStatsReader;
import dev.mcpusage.application.schedule.MaintenanceScheduler;
import dev.mcpusage.application.service.AccessTokenService;
import dev.mcpusage.application.service.DemoUsageService;
import dev.mcpusage.application.service.ExportUsageService;
import dev.mcpusage.application.service.HealthService;
import dev.mcpusage.application.service.MaintainUsageService;
import dev.mcpusage.application.service.QueryUsageService;
import dev.mcpusage.application.service.RecordUsageService;
import dev.mcpusage.application.tracker.TrackerSettings;
import dev.mcpusage.application.tracker.UsageTracker;
import dev.mcpusage.bootstrap.journal.FileEventJournal;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import dev.mcpusage.domain.retention.RetentionPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Wiring: the use cases, each a service over the out-ports some store module binds. */
public final class ApplicationModule extends AbstractModule {

  private final Settings settings;

  public ApplicationModule(Settings settings) {
    this.settings = settings;
  }

  @Provides
  @Singleton
  ProvideAccessTokens provideAccessTokens() {
    return new AccessTokenService(
        settings.configuredTokens(),
        new FileAccessTokenStore(settings.dataDir()),
        new SecureRandom());
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  RecordUsage recordUsage(UsageEventSink sink, Clock clock) {
    return new RecordUsageService(sink, ClockSkewPolicy.standard(), privacyPolicy(), clock);
  }

  @Provides
  @Singleton
  ExportUsage exportUsage(EventStreamReader reader) {
    return new ExportUsageService(reader);
  }

  @Provides
  @Singleton
  QueryUsage queryUsage(UsageStatsReader reader, Clock clock) {
    return new QueryUsageService(reader, clock);
  }

  @Provides
  @Singleton
  MaintainUsage maintainUsage(MaintenanceStore store, Clock clock) {
    return new MaintainUsageService(store, clock);
  }

  @Provides
  @Singleton
  LoadDemoUsage loadDemoUsage(UsageEventSink sink, UsageStatsReader reader, Clock clock) {
    return new DemoUsageService(sink, reader, clock);
  }

  @Provides
  @Singleton
  UsageTracker usageTracker(UsageEventSink sink, Clock clock) {
    return new UsageTracker(
        sink,
        new FileEventJournal(settings.dataDir(), settings.journalMaxMb() * 1024L * 1024L),
        ClockSkewPolicy.standard(),
        privacyPolicy(),
        clock,
        TrackerSettings.standard()
            .withBatching(
                settings.trackerBatchSize(),
                settings.trackerMaxBatchSize(),
                Duration.ofMillis(settings.trackerLingerMs())));
  }

  @Provides
  TrackUsage trackUsage(UsageTracker tracker) {
    return tracker;
  }

  @Provides
  @Singleton
  MaintenanceScheduler maintenanceScheduler(MaintainUsage maintainUsage, SchedulerLease lease) {
    return new MaintenanceScheduler(
        maintainUsage,
        lease,
        new RetentionPolicy(settings.retentionDays()),
        Duration.ofSeconds(settings.maintenanceIntervalSeconds()));
  }

  @Provides
  @Singleton
  ReportHealth reportHealth(UsageStatsReader reader, TrackUsage tracker) {
    return new HealthService(reader, tracker);
  }

  private PrivacyPolicy privacyPolicy() {
    return PrivacyPolicy.of(settings.queryTextMode(), settings.sensitiveKeys());
  }
}
