package dev.mcpusage.adapter.in.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code db} — about the database in use. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "About the database in use.",
    subcommands = DbInfoCommand.class)
public final class DbCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
