package dev.mcpusage.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.mcpusage.application.port.in.QueryUsage;
import dev.mcpusage.application.port.in.TrackUsage;
import dev.mcpusage.application.schedule.MaintenanceScheduler;
import dev.mcpusage.application.tracker.UsageTracker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point for a JVM service that records its own tool calls: the tracker and the queries, wired
 * as {@code mcp-usage} wires them — the same settings, the same database or central server.
 *
 * <pre>{@code
 * try (McpUsage usage = McpUsage.start(Map.of("db.url", "jdbc:postgresql://db:5432/mcp_usage"))) {
 *   RecordingTools recording = new RecordingTools(usage.tracker(), "archon");
 *   ... // build and run the MCP server with recording.sync(tool, "rag")
 * }
 * }</pre>
 */
public final class McpUsage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("mcp-usage");

  private final Injector injector;
  private final Settings settings;
  private final UsageTracker tracker;
  private final MaintenanceScheduler maintenance;
  private final AtomicBoolean closed = new AtomicBoolean();

  private McpUsage(Settings settings) {
    this.settings = settings;
    this.injector = Guice.createInjector(Main.storeModules(settings));
    this.tracker = injector.getInstance(UsageTracker.class);
    this.maintenance = injector.getInstance(MaintenanceScheduler.class);
  }

  /**
   * Starts with the settings {@code mcp-usage} would use here: {@code MCP_USAGE_*} environment
   * variables, {@code mcp-usage.properties} in the working directory, then the defaults (the
   * embedded PostgreSQL in {@code ~/.mcp-usage}).
   */
  public static McpUsage start() {
    return start(Map.of());
  }

  /**
   * Starts with {@code settings} (keys as in {@code mcp-usage.properties}: {@code db.url}, {@code
   * data.dir}, {@code send.to}, {@code tracker.batch.size}, ...) over the environment, the file and
   * the defaults. A journal an earlier run left behind is replayed; with a database (not {@code
   * send.to}), the scheduled maintenance runs as in {@code serve}: day partitions ahead and
   * retention, by one process at a time.
   *
   * @throws IllegalArgumentException naming the setting that is not valid, or a key that is none
   *     (an {@code MCP_USAGE_*} variable or file key that is none is logged as a warning)
   */
  public static McpUsage start(Map<String, String> settings) {
    Settings resolved = Settings.resolve(settings, System.getenv(), Path.of(""));
    resolved.unknownNames().forEach(name -> LOG.warn("not a setting, ignored: {}", name));
    McpUsage usage = new McpUsage(resolved);
    usage.tracker.start();
    if (usage.settings.sendTo().isEmpty()) {
      usage.maintenance.start();
    }
    return usage;
  }

  /** Records calls without blocking the caller: queued, written in batches, never thrown at. */
  public TrackUsage tracker() {
    return tracker;
  }

  /**
   * Reads what was recorded, from the database in use.
   *
   * @throws IllegalStateException when events go to a central server ({@code send.to}): ask its
   *     HTTP API instead
   */
  public QueryUsage queries() {
    settings
        .sendTo()
        .ifPresent(
            remote -> {
              throw new IllegalStateException(
                  "events go to the mcp-usage server at "
                      + remote.url()
                      + " (send.to); query its HTTP API (/api/mcp/analytics/...) instead");
            });
    return injector.getInstance(QueryUsage.class);
  }

  /** Stops the maintenance, drains the tracker into the store (or its journal), stops the store. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      Main.stopStore(injector);
    }
  }
}
