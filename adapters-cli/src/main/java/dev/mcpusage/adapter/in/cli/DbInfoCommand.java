package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.MaintainUsage;
import dev.mcpusage.application.port.out.StoreDescription;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Command: {@code db info} — the JDBC URL and a psql-ready URI of the database in use. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Show the database in use: engine, JDBC URL, and a URI to paste after psql.",
    footerHeading = "%nExample:%n",
    footer = "  psql \"$(mcp-usage db info --psql-uri)\"")
public final class DbInfoCommand implements Callable<Integer> {

  @Option(names = "--show-password", description = "Include the password in the psql URI.")
  boolean showPassword;

  @Option(names = "--psql-uri", description = "Print only the psql URI (for scripts).")
  boolean psqlUriOnly;

  @Spec CommandSpec spec;

  private final MaintainUsage maintainUsage;

  public DbInfoCommand(MaintainUsage maintainUsage) {
    this.maintainUsage = maintainUsage;
  }

  @Override
  public Integer call() {
    StoreDescription store = maintainUsage.describeStore(showPassword || psqlUriOnly);
    PrintWriter out = spec.commandLine().getOut();
    if (psqlUriOnly) {
      out.println(store.shellUri());
      return 0;
    }
    out.printf(
        "Engine     %s (%s)%n",
        store.engine(), store.embedded() ? "embedded, run by mcp-usage" : "external");
    out.printf("JDBC URL   %s%n", store.connectionUrl());
    out.printf("psql URI   %s%n", store.shellUri());
    return 0;
  }
}
