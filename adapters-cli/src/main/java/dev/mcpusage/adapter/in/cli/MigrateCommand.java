package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.SchemaMigration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code migrate} — bring the schema to the newest version and say which it is. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply pending schema migrations (Flyway) to the database in use.",
    footerHeading = "%nExample:%n",
    footer =
        "  mcp-usage --db-url jdbc:postgresql://localhost:5432/mcp_usage --db-user app migrate")
public final class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;

  public MigrateCommand(MaintainUsage maintainUsage) {
    this.maintainUsage = maintainUsage;
  }

  @Override
  public Integer call() {
    SchemaMigration migration = maintainUsage.migrate();
    spec.commandLine()
        .getOut()
        .printf(
            "Schema is at version %s (%s applied now) on %s%n",
            migration.version(),
            Counted.of(migration.applied(), "migration"),
            maintainUsage.describeStore(false).connectionUrl());
    return 0;
  }
}
