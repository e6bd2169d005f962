package dev.mcpusage.adapter.in.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Entry: reads the global flags first, then runs the command line with wired commands. */
public final class McpUsageCli {

  private McpUsageCli() {}

  /** The settings flags on {@code args}, wherever they stand; everything else is ignored here. */
  public static GlobalFlags globalFlags(String[] args) {
    SettingsFlags flags = new SettingsFlags();
    CommandLine parser = new CommandLine(flags);
    parser.setUnmatchedArgumentsAllowed(true);
    parser.setUnmatchedOptionsArePositionalParams(true);
    parser.setStopAtUnmatched(false);
    try {
      parser.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      // the real parse reports it, with the command's usage
      return new GlobalFlags(Map.of(), false);
    }
    Map<String, String> settings = new LinkedHashMap<>(flags.global.settings());
    GlobalOptions.put(settings, "http.host", flags.host);
    GlobalOptions.put(settings, "http.port", flags.port);
    return new GlobalFlags(settings, flags.global.verbose);
  }

  /** Runs the command {@code args} name; returns its exit code. */
  public static int execute(
      String[] args,
      Function<Class<?>, Object> instances,
      boolean verbose,
      PrintWriter out,
      PrintWriter err) {
    CommandLine commandLine = new CommandLine(McpUsageCommand.class, new CommandFactory(instances));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new CliExceptionHandler(verbose));
    commandLine.setParameterExceptionHandler(new CliUsageErrorHandler());
    shareVersion(commandLine, commandLine.getCommandSpec().versionProvider());
    return commandLine.execute(args);
  }

  /** Every subcommand's {@code --version} prints the product's version, as the root's does. */
  private static void shareVersion(CommandLine command, CommandLine.IVersionProvider version) {
    for (CommandLine sub : command.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(version);
      shareVersion(sub, version);
    }
  }

  /** Only the flags that decide the wiring. */
  @Command(name = "mcp-usage")
  static final class SettingsFlags {
    @Mixin GlobalOptions global = new GlobalOptions();

    @Option(names = "--host")
    String host;

    @Option(names = "--port")
    String port;
  }
}
