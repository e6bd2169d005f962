package dev.mcpusage.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import dev.mcpusage.adapter.in.cli.GlobalFlags;
import dev.mcpusage.adapter.in.cli.McpUsageCli;
import dev.mcpusage.adapter.in.http.HttpServer;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import dev.mcpusage.application.schedule.MaintenanceScheduler;
import dev.mcpusage.application.tracker.UsageTracker;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Entry point of {@code mcp-usage}: resolve settings, pick the modules, run the command, exit. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code (what {@link #main} exits with). */
  public static int run(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    GlobalFlags flags = McpUsageCli.globalFlags(args);
    Settings settings;
    try {
      settings =
          Settings.resolve(flags.settings(), GlobalFlags::optionOf, System.getenv(), Path.of(""));
      settings.configuredTokens();
      settings
          .unknownNames()
          .forEach(name -> err.println("mcp-usage: not a setting, ignored: " + name));
    } catch (IllegalArgumentException e) {
      err.println("mcp-usage: " + e.getMessage());
      return 2;
    }
    Injector injector = Guice.createInjector(modules(settings));
    Runnable stop = () -> stop(injector);
    Thread shutdown = new Thread(stop, "mcp-usage-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    try {
      return McpUsageCli.execute(args, type -> wired(injector, type), flags.verbose(), out, err);
    } catch (RuntimeException e) {
      // the last resort: a failure outside any command's own error handling (e.g. while wiring)
      err.println("mcp-usage: " + rootMessage(e));
      if (flags.verbose()) {
        e.printStackTrace(err);
      }
      return 1;
    } finally {
      out.flush();
      err.flush();
      stop.run();
      Runtime.getRuntime().removeShutdownHook(shutdown);
    }
  }

  /**
   * Stops what a run started, in order: no more requests, no more scheduled work, the tracker's
   * queue drained into the store, then the store.
   */
  static void stop(Injector injector) {
    injector.getInstance(HttpServer.class).stop();
    stopStore(injector);
  }

  /** Stops the scheduled work, drains the tracker's queue into the store, then the store. */
  static void stopStore(Injector injector) {
    injector.getInstance(MaintenanceScheduler.class).close();
    injector.getInstance(UsageTracker.class).close();
    injector.getInstance(PostgresConnectionPool.class).stop();
  }

  /** The modules for these settings: the store is embedded or external, never both. */
  static List<Module> modules(Settings settings) {
    List<Module> modules = new ArrayList<>(storeModules(settings));
    modules.addAll(
        List.of(new HttpModule(settings), new McpModule(System.in, System.out), new CliModule()));
    return modules;
  }

  /** The use cases over the store these settings name, without HTTP, MCP or the CLI. */
  static List<Module> storeModules(Settings settings) {
    Module database =
        settings.embeddedDatabase()
            ? new EmbeddedPostgresModule(settings)
            : new ExternalPostgresModule(settings);
    return List.of(
        new ApplicationModule(settings),
        database,
        new PostgresModule(settings),
        new EventSinkModule(settings));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static Object wired(Injector injector, Class<?> type) {
    return injector.getExistingBinding(Key.get(type)) == null ? null : injector.getInstance(type);
  }
}
