package dev.mcpusage.adapter.in.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Command: {@code completion} — a bash/zsh completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash (and zsh, via bashcompinit) completion script for mcp-usage.",
    footerHeading = "%nExample:%n",
    footer = "  source <(mcp-usage completion)")
public final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.commandLine().getParent();
    spec.commandLine().getOut().print(AutoComplete.bash("mcp-usage", root));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
