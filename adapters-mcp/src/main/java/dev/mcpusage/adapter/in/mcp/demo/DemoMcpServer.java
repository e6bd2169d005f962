package dev.mcpusage.adapter.in.mcp.demo;

import dev.mcpusage.adapter.in.mcp.RecordingTools;
import dev.mcpusage.adapter.in.mcp.ToolCallDetails;
import dev.mcpusage.application.demo.SeedShapedTraffic;
import dev.mcpusage.application.demo.SeedShapedTraffic.DemoTool;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JsonSchema;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Demo: the seed's 14 tools as an MCP server — plausible latencies, search results with match
 * counts, and about 3 % failures (thrown errors and {@code isError} results).
 */
public final class DemoMcpServer {

  /** Name the demo server reports, and the {@code server_name} of its events. */
  public static final String NAME = "mcp-usage-demo";

  private static final double FAILURE_RATE = 0.03;

  private DemoMcpServer() {}

  /** The 14 tools, not recorded. */
  public static List<SyncToolSpecification> tools() {
    return SeedShapedTraffic.TOOLS.stream().map(DemoMcpServer::specification).toList();
  }

  /** The 14 tools, each recorded under its category; searches also record source and query. */
  public static List<SyncToolSpecification> tools(RecordingTools recording) {
    return SeedShapedTraffic.TOOLS.stream()
        .map(
            tool ->
                recording.sync(
                    specification(tool),
                    tool.category(),
                    tool.category().equals("rag")
                        ? ToolCallDetails.fromArguments("source", "query", "matches")
                        : ToolCallDetails.NONE))
        .toList();
  }

  private static SyncToolSpecification specification(DemoTool tool) {
    boolean search = tool.category().equals("rag");
    Map<String, Object> properties =
        search
            ? Map.of(
                "source", Map.of("type", "string", "description", "knowledge source to search"),
                "query", Map.of("type", "string", "description", "what to look for"))
            : Map.of("id", Map.of("type", "string", "description", "item id"));
    return new SyncToolSpecification(
        Tool.builder()
            .name(tool.name())
            .description("Demo of the seed's " + tool.name() + " (" + tool.category() + ")")
            .inputSchema(new JsonSchema("object", properties, List.of(), true, null, null))
            .build(),
        (exchange, request) -> call(tool, search));
  }

  private static CallToolResult call(DemoTool tool, boolean search) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = Math.round(tool.medianMs() * Math.exp(0.5 * random.nextGaussian()));
    sleep(Math.min(millis, 3_000));
    double roll = random.nextDouble();
    if (roll < FAILURE_RATE / 3) {
      throw new TimeoutError(tool.name() + " timed out");
    }
    if (roll < 2 * FAILURE_RATE / 3) {
      throw new NotFoundError(tool.name() + ": no such item");
    }
    if (roll < FAILURE_RATE) {
      return CallToolResult.builder()
          .content(List.of(new TextContent("demo failure in " + tool.name())))
          .isError(true)
          .build();
    }
    CallToolResult.Builder result =
        CallToolResult.builder().content(List.of(new TextContent("ok: " + tool.name())));
    if (search) {
      result.structuredContent(Map.of("matches", random.nextInt(0, 25)));
    }
    return result.isError(false).build();
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A demo tool that took too long. */
  static final class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimeoutError(String message) {
      super(message);
    }
  }

  /** A demo tool asked for something that does not exist. */
  static final class NotFoundError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundError(String message) {
      super(message);
    }
  }
}
