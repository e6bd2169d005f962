package dev.mcpusage.adapter.in.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Edge: bad command-line input gets one line naming the problem, picocli's suggestions and a
 * pointer to {@code --help} (not the whole usage, under which the problem scrolled away); exit 2.
 */
final class CliUsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + name + " --help'.");
    err.flush();
    return CliExceptionHandler.USAGE;
  }
}
