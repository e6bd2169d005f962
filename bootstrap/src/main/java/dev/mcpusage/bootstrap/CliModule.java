package dev.mcpusage.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.mcpusage.adapter.in.cli.CleanupCommand;
import dev.mcpusage.adapter.in.cli.ClientsCommand;
import dev.mcpusage.adapter.in.cli.DailyCommand;
import dev.mcpusage.adapter.in.cli.DbInfoCommand;
import dev.mcpusage.adapter.in.cli.DemoCommand;
import dev.mcpusage.adapter.in.cli.ErrorsCommand;
import dev.mcpusage.adapter.in.cli.ExportCommand;
import dev.mcpusage.adapter.in.cli.HourlyCommand;
import dev.mcpusage.adapter.in.cli.HttpMcpProxy;
import dev.mcpusage.adapter.in.cli.HttpProxyCommand;
import dev.mcpusage.adapter.in.cli.ImportCommand;
import dev.mcpusage.adapter.in.cli.LiveDemo;
import dev.mcpusage.adapter.in.cli.McpProxy;
import dev.mcpusage.adapter.in.cli.MigrateCommand;
import dev.mcpusage.adapter.in.cli.PartitionsCommand;
import dev.mcpusage.adapter.in.cli.ProxyCommand;
import dev.mcpusage.adapter.in.cli.RefreshCommand;
import dev.mcpusage.adapter.in.cli.RollbackCommand;
import dev.mcpusage.adapter.in.cli.ScheduleCommand;
import dev.mcpusage.adapter.in.cli.ServeCommand;
import dev.mcpusage.adapter.in.cli.ServerRunner;
import dev.mcpusage.adapter.in.cli.SourcesCommand;
import dev.mcpusage.adapter.in.cli.SummaryCommand;
import dev.mcpusage.adapter.in.cli.TailCommand;
import dev.mcpusage.adapter.in.cli.TokensCommand;
import dev.mcpusage.adapter.in.cli.ToolsCommand;
import dev.mcpusage.adapter.in.cli.VerifyCommand;
import dev.mcpusage.adapter.in.http.HttpServer;
import dev.mcpusage.application.port.in.ExportUsage;
import dev.mcpusage.application.port.in.LoadDemoUsage;
import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.RecordUsage;
import dev.mcpusage.application.schedule.MaintenanceScheduler;
import dev.mcpusage.application.tracker.UsageTracker;
import java.time.Clock;

/** Wiring: the operator commands, each built with the use cases it runs. */
public final class CliModule extends AbstractModule {

  @Provides
  ServerRunner serverRunner(
      HttpServer httpServer, UsageTracker tracker, MaintenanceScheduler scheduler) {
    return () -> {
      tracker.start();
      scheduler.start();
      httpServer.start();
      return httpServer.baseUrl();
    };
  }

  @Provides
  ServeCommand serve(
      MaintainUsage maintainUsage,
      LoadDemoUsage loadDemoUsage,
      ServerRunner runner,
      ProvideAccessTokens tokens,
      LiveDemo liveDemo) {
    return new ServeCommand(maintainUsage, loadDemoUsage, runner, tokens, liveDemo);
  }

  @Provides
  DemoCommand demo(LiveDemo liveDemo, LoadDemoUsage loadDemoUsage) {
    return new DemoCommand(liveDemo, loadDemoUsage);
  }

  @Provides
  ProxyCommand proxy(McpProxy proxy) {
    return new ProxyCommand(proxy);
  }

  @Provides
  HttpProxyCommand httpProxy(HttpMcpProxy proxy) {
    return new HttpProxyCommand(proxy);
  }

  @Provides
  ExportCommand export(ExportUsage exportUsage, Clock clock) {
    return new ExportCommand(exportUsage, clock);
  }

  @Provides
  TailCommand tail(ExportUsage exportUsage, Clock clock) {
    return new TailCommand(exportUsage, clock);
  }

  @Provides
  ScheduleCommand schedule(MaintainUsage maintainUsage, ProvideAccessTokens tokens) {
    return new ScheduleCommand(maintainUsage, tokens);
  }

  @Provides
  RollbackCommand rollback(MaintainUsage maintainUsage) {
    return new RollbackCommand(maintainUsage);
  }

  @Provides
  ImportCommand importCommand(RecordUsage recordUsage, Clock clock) {
    return new ImportCommand(recordUsage, clock);
  }

  @Provides
  HourlyCommand hourly(QueryUsage queryUsage) {
    return new HourlyCommand(queryUsage);
  }

  @Provides
  DailyCommand daily(QueryUsage queryUsage) {
    return new DailyCommand(queryUsage);
  }

  @Provides
  ToolsCommand tools(QueryUsage queryUsage) {
    return new ToolsCommand(queryUsage);
  }

  @Provides
  ClientsCommand clients(QueryUsage queryUsage) {
    return new ClientsCommand(queryUsage);
  }

  @Provides
  ErrorsCommand errors(QueryUsage queryUsage) {
    return new ErrorsCommand(queryUsage);
  }

  @Provides
  SourcesCommand sources(QueryUsage queryUsage) {
    return new SourcesCommand(queryUsage);
  }

  @Provides
  RefreshCommand refresh(MaintainUsage maintainUsage, Clock clock) {
    return new RefreshCommand(maintainUsage, clock);
  }

  @Provides
  CleanupCommand cleanup(MaintainUsage maintainUsage) {
    return new CleanupCommand(maintainUsage);
  }

  @Provides
  PartitionsCommand partitions(MaintainUsage maintainUsage) {
    return new PartitionsCommand(maintainUsage);
  }

  @Provides
  TokensCommand tokens(ProvideAccessTokens tokens) {
    return new TokensCommand(tokens);
  }

  @Provides
  MigrateCommand migrate(MaintainUsage maintainUsage) {
    return new MigrateCommand(maintainUsage);
  }

  @Provides
  VerifyCommand verify(MaintainUsage maintainUsage) {
    return new VerifyCommand(maintainUsage);
  }

  @Provides
  SummaryCommand summary(QueryUsage queryUsage) {
    return new SummaryCommand(queryUsage);
  }

  @Provides
  DbInfoCommand dbInfo(MaintainUsage maintainUsage) {
    return new DbInfoCommand(maintainUsage);
  }
}
