package dev.mcpusage.adapter.out.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;

/**
 * Cache: rollup reads rendered to SQL once per shape. Such a read selects ~90 columns that depend
 * only on what it reads, and binds only the values of its WHERE condition; rendering the whole
 * query with jOOQ on every request was half the JVM's work for {@code GET /summary}. So a read
 * renders its condition (a few columns), and binds the condition's values to the SQL rendered the
 * first time the same condition shape was read.
 */
final class RenderedReads {

  private final Map<String, String> sqlByShape = new ConcurrentHashMap<>();

  /**
   * Every row of the read, mapped.
   *
   * @param kind names the select list and its table: reads of one kind differ only in their
   *     condition
   * @param query builds the read around {@code where}; its only bind values must be the condition's
   */
  <T> List<T> read(
      DSLContext dsl,
      String kind,
      Condition where,
      Function<Condition, ResultQuery<?>> query,
      RollupRowMapper.Row<T> mapper) {
    List<Object> values = dsl.extractBindValues(where);
    String sql =
        sqlByShape.computeIfAbsent(
            kind + '\n' + dsl.render(where), shape -> render(dsl, query.apply(where), values));
    return dsl.connectionResult(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
              statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
              List<T> mapped = new ArrayList<>();
              while (rows.next()) {
                mapped.add(mapper.map(rows));
              }
              return mapped;
            }
          }
        });
  }

  private static String render(DSLContext dsl, ResultQuery<?> query, List<Object> values) {
    List<Object> bound = dsl.extractBindValues(query);
    if (!bound.equals(values)) {
      throw new IllegalStateException(
          "a rendered read must bind only its condition's values " + values + ", not " + bound);
    }
    return dsl.render(query);
  }
}
