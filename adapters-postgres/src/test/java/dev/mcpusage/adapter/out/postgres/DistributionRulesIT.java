package dev.mcpusage.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema stays distributable on Citus by {@code server_name} (docs/SCALING.md): every table
 * carries the column, every primary key and unique index contains it, no materialized views.
 */
class DistributionRulesIT {

  private static final String OUR_TABLES =
      "c.relnamespace = current_schema()::regnamespace AND NOT c.relispartition"
          + " AND (c.relname = 'archon_mcp_usage_events' OR c.relname LIKE 'mcp\\_usage\\_%')";

  private TestDatabase db;

  @BeforeEach
  void emptyDatabase() {
    db = TestDatabase.shared().empty();
  }

  @Test
  void everyTable_hasTheDistributionColumn() {
    List<String> tables =
        names("SELECT c.relname FROM pg_class c WHERE c.relkind IN ('r', 'p') AND " + OUR_TABLES);
    List<String> without =
        names(
            "SELECT c.relname FROM pg_class c WHERE c.relkind IN ('r', 'p') AND "
                + OUR_TABLES
                + " AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid"
                + " AND a.attname = 'server_name' AND NOT a.attisdropped)");

    assertThat(tables).contains("archon_mcp_usage_events", "mcp_usage_hourly_rollup");
    assertThat(without).as("tables without server_name").isEmpty();
  }

  @Test
  void everyUniqueIndex_containsTheDistributionColumn() {
    List<String> uniqueIndexes =
        names(
            "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid ="
                + " i.indrelid WHERE i.indisunique AND "
                + OUR_TABLES);
    List<String> withoutServer =
        names(
            "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid ="
                + " i.indrelid WHERE i.indisunique AND "
                + OUR_TABLES
                + " AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid"
                + " AND a.attname = 'server_name' AND a.attnum = ANY (i.indkey))");

    assertThat(uniqueIndexes).contains("archon_mcp_usage_events_pkey", "mcp_usage_sessions_pkey");
    assertThat(withoutServer).as("unique indexes without server_name").isEmpty();
  }

  @Test
  void noMaterializedViews_andNoForeignKeys() {
    assertThat(
            names(
                "SELECT c.relname FROM pg_class c WHERE c.relkind = 'm'"
                    + " AND c.relnamespace = current_schema()::regnamespace"))
        .isEmpty();
    assertThat(
            names(
                "SELECT conname FROM pg_constraint WHERE contype = 'f'"
                    + " AND connamespace = current_schema()::regnamespace"))
        .isEmpty();
  }

  private List<String> names(String sql) {
    return db.sql(dsl -> dsl.fetch(sql).getValues(0, String.class));
  }
}
