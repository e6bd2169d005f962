package dev.mcpusage.adapter.out.postgres;

import dev.mcpusage.application.port.out.RollbackReport;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The seed's rollback, adapted: finds in the catalog what the migrations created in the current
 * schema — views, the events table with its partitions, rollup tables, functions, roles, the
 * migration records — and drops it in one transaction. Archon's {@code archon_migrations} table
 * stays (only our row goes); a role still used by another database stays, with a notice.
 */
final class PostgresSchemaRollback {

  private static final String OURS =
      "(c.relname LIKE 'archon\\_mcp\\_usage\\_%' OR c.relname LIKE 'mcp\\_usage\\_%')";
  private static final String SEED_FUNCTIONS =
      "('get_mcp_usage_summary', 'refresh_mcp_usage_views', 'cleanup_mcp_usage_events')";
  private static final String ROLES = "('mcp_usage_writer', 'mcp_usage_reader')";

  private PostgresSchemaRollback() {}

  static RollbackReport run(DSLContext dsl, boolean execute) {
    List<String> views =
        names(
            dsl,
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm') AND "
                + OURS
                + " ORDER BY 1");
    List<String> tables =
        names(
            dsl,
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
                + " AND NOT c.relispartition AND ("
                + OURS
                + " OR c.relname = 'flyway_schema_history') ORDER BY 1");
    List<String> functions =
        names(
            dsl,
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n"
                + " ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
                + " AND (p.proname LIKE 'mcp\\_usage\\_%' OR p.proname IN "
                + SEED_FUNCTIONS
                + ") ORDER BY 1");
    List<String> roles =
        names(dsl, "SELECT rolname::text FROM pg_roles WHERE rolname IN " + ROLES + " ORDER BY 1");
    boolean recorded =
        !names(
                dsl,
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND c.relname = 'archon_migrations'")
            .isEmpty();
    long events =
        tables.contains("archon_mcp_usage_events")
            ? dsl.fetchOne("SELECT count(*) FROM archon_mcp_usage_events").get(0, Long.class)
            : 0;

    List<String> objects = new ArrayList<>();
    views.forEach(v -> objects.add("view " + v));
    tables.forEach(t -> objects.add("table " + t));
    functions.forEach(f -> objects.add("function " + f));
    roles.forEach(r -> objects.add("role " + r));
    if (recorded) {
      objects.add("row 0.2.0 / 001_add_mcp_usage_tracking of archon_migrations");
    }
    if (execute) {
      views.forEach(v -> dsl.execute("DROP VIEW IF EXISTS " + quoted(dsl, v) + " CASCADE"));
      tables.forEach(t -> dsl.execute("DROP TABLE IF EXISTS " + quoted(dsl, t) + " CASCADE"));
      functions.forEach(f -> dsl.execute("DROP FUNCTION IF EXISTS " + f + " CASCADE"));
      if (recorded) {
        dsl.execute(
            "DELETE FROM archon_migrations"
                + " WHERE version = '0.2.0' AND migration_name = '001_add_mcp_usage_tracking'");
      }
      roles.forEach(r -> dropRole(dsl, r));
    }
    return new RollbackReport(objects, events, execute);
  }

  private static void dropRole(DSLContext dsl, String role) {
    // its grants in this database (e.g. on the schema) go first; a role is cluster-wide, and
    // another database may still grant it something, in which case it stays
    dsl.execute("DROP OWNED BY " + role);
    dsl.execute(
        "DO $$ BEGIN EXECUTE 'DROP ROLE "
            + role
            + "'; EXCEPTION WHEN dependent_objects_still_exist THEN"
            + " RAISE NOTICE 'role % kept: another database still uses it', '"
            + role
            + "'; END $$");
  }

  private static String quoted(DSLContext dsl, String name) {
    return dsl.render(DSL.name(name));
  }

  private static List<String> names(DSLContext dsl, String sql) {
    return dsl.fetch(sql).getValues(0, String.class);
  }
}
