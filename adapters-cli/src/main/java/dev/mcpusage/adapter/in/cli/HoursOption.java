package dev.mcpusage.adapter.in.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Mixin: {@code --hours}, a window of whole UTC hours ending now (not for {@code daily}). */
public final class HoursOption {

  @Option(
      names = "--hours",
      paramLabel = "N",
      defaultValue = "24",
      description =
          "Window: the current UTC hour and the N-1 before it; at most 4320 (168 for hourly),"
              + " default ${DEFAULT-VALUE}.")
  int hours;

  /** The hours asked for, refused unless within 1 and {@code max}. */
  int within(CommandSpec spec, int max) {
    if (hours < 1 || hours > max) {
      throw new ParameterException(
          spec.commandLine(), "--hours must be between 1 and " + max + ", was " + hours);
    }
    return hours;
  }
}
