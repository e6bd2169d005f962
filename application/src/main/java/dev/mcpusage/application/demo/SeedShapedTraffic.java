package dev.mcpusage.application.demo;

import dev.mcpusage.domain.event.EventIds;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic traffic shaped like the seed's server: its 14 tools in 6 categories, a few clients,
 * sessions of a few dozen calls, a daily rhythm, log-normal latencies and about 3 % failures.
 * Deterministic for a given random seed; produced in batches so any volume fits in memory.
 */
public final class SeedShapedTraffic {

  /** A tool of the seed's server with its typical latency. */
  public record DemoTool(String name, String category, int medianMs) {}

  /**
   * The seed's 14 tools in 6 categories (rag 5, project 2, task 2, document 2, version 2, feature
   * 1).
   */
  public static final List<DemoTool> TOOLS =
      List.of(
          new DemoTool("rag_search_knowledge_base", "rag", 180),
          new DemoTool("rag_search_code_examples", "rag", 220),
          new DemoTool("rag_get_available_sources", "rag", 25),
          new DemoTool("rag_list_pages_for_source", "rag", 40),
          new DemoTool("rag_read_full_page", "rag", 60),
          new DemoTool("find_projects", "project", 30),
          new DemoTool("manage_project", "project", 55),
          new DemoTool("find_tasks", "task", 35),
          new DemoTool("manage_task", "task", 50),
          new DemoTool("find_documents", "document", 45),
          new DemoTool("manage_document", "document", 70),
          new DemoTool("find_versions", "version", 30),
          new DemoTool("manage_version", "version", 65),
          new DemoTool("get_project_features", "feature", 40));

  private static final double[] TOOL_WEIGHTS = {24, 12, 6, 4, 6, 5, 2, 14, 9, 5, 3, 2, 1, 7};

  /** The clients the demo traffic comes from. */
  public static final List<String> CLIENTS =
      List.of("claude-code", "cursor", "windsurf", "claude-desktop");

  private static final double[] CLIENT_WEIGHTS = {50, 30, 12, 8};

  /** Knowledge sources the demo searches. */
  public static final List<String> SOURCES =
      List.of(
          "docs.anthropic.com",
          "modelcontextprotocol.io",
          "postgresql.org/docs",
          "javalin.io",
          "jooq.org/doc",
          "react.dev",
          "supabase.com/docs",
          "internal-wiki");

  /** Queries the demo searches for. */
  public static final List<String> QUERIES =
      List.of(
          "how to paginate results",
          "retry with backoff",
          "partition by range",
          "oauth token refresh",
          "streaming responses",
          "connection pool sizing",
          "upsert on conflict",
          "schema migration");

  private static final List<String> ERRORS =
      List.of("TimeoutError", "ValidationError", "NotFoundError", "tool_error");
  private static final double FAILURE_RATE = 0.03;
  private static final int CALLS_PER_SESSION = 25;

  private final Random random;
  private final Instant from;
  private final Instant to;
  private final long totalEvents;
  private final String serverName;
  private long produced;
  private String session;
  private String sessionClient;
  private int sessionCallsLeft;

  /** Traffic of {@code totalEvents} calls spread over [from, to). */
  public SeedShapedTraffic(
      long seed, Instant from, Instant to, long totalEvents, String serverName) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("need from < to");
    }
    this.random = new Random(seed);
    this.from = from;
    this.to = to;
    this.totalEvents = totalEvents;
    this.serverName = serverName;
  }

  /** Traffic over the same hours as a summary of the last {@code days} × 24 hours, up to now. */
  public static SeedShapedTraffic lastDays(long seed, Instant now, int days, long totalEvents) {
    Instant from = TimeWindow.forSummary(days * 24, now).from();
    return new SeedShapedTraffic(seed, from, now, totalEvents, UsageEvent.DEFAULT_SERVER_NAME);
  }

  /** True while events remain. */
  public boolean hasNext() {
    return produced < totalEvents;
  }

  /** The next batch of at most {@code size} events, in time order within the whole stream. */
  public List<UsageEvent> nextBatch(int size) {
    int count = (int) Math.min(size, totalEvents - produced);
    List<UsageEvent> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(event(produced++));
    }
    return batch;
  }

  private UsageEvent event(long index) {
    if (sessionCallsLeft == 0) {
      session = newSession();
      sessionClient = CLIENTS.get(pick(CLIENT_WEIGHTS));
      sessionCallsLeft = 1 + random.nextInt(CALLS_PER_SESSION * 2);
    }
    sessionCallsLeft--;
    DemoTool tool = TOOLS.get(pick(TOOL_WEIGHTS));
    boolean failed = random.nextDouble() < FAILURE_RATE;
    int latency =
        (int)
            Math.min(120_000, Math.round(tool.medianMs() * Math.exp(random.nextGaussian() * 0.6)));
    Instant at = timestampOf(index);
    UsageEvent.Builder builder =
        UsageEvent.builder()
            .id(EventIds.timeOrdered(at, random.nextLong(), random.nextLong()))
            .timestamp(at)
            .serverName(serverName)
            .toolName(tool.name())
            .toolCategory(tool.category())
            .sessionId(session)
            .clientType(sessionClient)
            .responseTimeMs(failed ? latency * 3 : latency)
            .success(!failed)
            .requestMetadata(Map.of("demo", true));
    if (failed) {
      builder.errorType(ERRORS.get(random.nextInt(ERRORS.size())));
    }
    if (tool.category().equals("rag")) {
      builder
          .sourceId(
              SOURCES.get(
                  Math.min(SOURCES.size() - 1, (int) Math.abs(random.nextGaussian() * 2.5))))
          .queryText(QUERIES.get(random.nextInt(QUERIES.size())))
          .matchCount(failed ? 0 : random.nextInt(12));
    }
    return builder.build();
  }

  private Instant timestampOf(long index) {
    long span = Duration.between(from, to).toMillis();
    double position = (index + random.nextDouble()) / totalEvents;
    // busier during the working day: shift each point a little towards 14:00 UTC
    long millis = (long) (position * span);
    Instant base = from.plusMillis(millis);
    long secondOfDay = base.getEpochSecond() % 86_400;
    long pull = (long) ((50_400 - secondOfDay) * 0.15 * random.nextDouble());
    Instant shifted = base.plusSeconds(pull);
    if (shifted.isBefore(from) || !shifted.isBefore(to)) {
      return base;
    }
    return shifted;
  }

  private int pick(double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private String newSession() {
    return "sess-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
  }
}
