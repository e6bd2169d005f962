package dev.mcpusage.adapter.in.mcp;

import dev.mcpusage.domain.event.UsageEvent;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.Optional;

/**
 * Mapping: what a tool's arguments and result say about the knowledge source searched, the query
 * and how many matches came back, for the event of that call.
 */
@FunctionalInterface
public interface ToolCallDetails {

  /** Nothing beyond the call itself. */
  ToolCallDetails NONE = (request, result, event) -> {};

  /**
   * Adds details to the event of one call.
   *
   * @param result the tool's result, absent when the tool threw
   */
  void describe(CallToolRequest request, Optional<CallToolResult> result, UsageEvent.Builder event);

  /**
   * Reads {@code source_id} and {@code query_text} from the named arguments, and {@code
   * match_count} from the named integer field of the structured result.
   */
  static ToolCallDetails fromArguments(
      String sourceArgument, String queryArgument, String matchField) {
    return (request, result, event) -> {
      Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
      Optional.ofNullable(arguments.get(sourceArgument))
          .map(String::valueOf)
          .ifPresent(event::sourceId);
      Optional.ofNullable(arguments.get(queryArgument))
          .map(String::valueOf)
          .ifPresent(event::queryText);
      result
          .map(CallToolResult::structuredContent)
          .filter(Map.class::isInstance)
          .map(content -> ((Map<?, ?>) content).get(matchField))
          .filter(Number.class::isInstance)
          .map(count -> ((Number) count).intValue())
          .ifPresent(event::matchCount);
    };
  }
}
