package dev.mcpusage.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class RenderedReadsTest {

  private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);

  @Test
  void givenAReadBindingAValueOutsideItsCondition_read_refusesToCacheItsSql() {
    // cached SQL with a value of its own would answer every later read with that value
    assertThatThrownBy(
            () ->
                new RenderedReads()
                    .read(
                        dsl,
                        "totals",
                        field("server_name", String.class).eq("alpha"),
                        where -> select(field("calls"), val(7)).from(table("rollup")).where(where),
                        row -> row.getLong(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[alpha]")
        .hasMessageContaining("[7, alpha]");
  }
}
