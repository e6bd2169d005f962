package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.domain.stats.UsageFilter;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Builder: the WHERE conditions a usage filter puts on a rollup or session table. */
final class RollupQueries {

  private RollupQueries() {}

  static Condition matching(
      UsageFilter filter,
      Field<String> server,
      Field<String> category,
      Field<String> tool,
      Field<String> client) {
    Condition condition = DSL.noCondition();
    if (filter.serverName().isPresent()) {
      condition = condition.and(server.eq(filter.serverName().get()));
    }
    if (filter.toolCategory().isPresent()) {
      condition = condition.and(category.eq(filter.toolCategory().get()));
    }
    if (filter.toolName().isPresent()) {
      condition = condition.and(tool.eq(filter.toolName().get()));
    }
    if (filter.clientType().isPresent()) {
      condition = condition.and(client.eq(filter.clientType().get()));
    }
    return condition;
  }

  /**
   * The conditions for tables without a client column: a client filter cannot be honoured there, so
   * it matches nothing rather than silently everything.
   */
  static Condition matchingWithoutClient(
      UsageFilter filter, Field<String> server, Field<String> category, Field<String> tool) {
    Condition condition =
        matching(
            new UsageFilter(
                filter.serverName(),
                filter.toolCategory(),
                filter.toolName(),
                java.util.Optional.empty()),
            server,
            category,
            tool,
            null);
    return filter.clientType().isPresent() ? DSL.falseCondition() : condition;
  }
}
