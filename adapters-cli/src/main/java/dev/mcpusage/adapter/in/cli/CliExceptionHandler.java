package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.domain.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Edge: one clear line on stderr per failure; 2 for bad input, 1 otherwise; traces only when
 * verbose.
 */
final class CliExceptionHandler implements IExecutionExceptionHandler {

  static final int USAGE = 2;
  static final int FAILURE = 1;

  private final boolean verbose;

  CliExceptionHandler(boolean verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    boolean callerError =
        (e instanceof UsageException usage && usage.isCallerError())
            || e instanceof IllegalArgumentException;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("mcp-usage " + command.getCommandName() + ": " + message);
    if (verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else if (!callerError) {
      err.println("(run again with --verbose for details)");
    }
    err.flush();
    return callerError ? USAGE : FAILURE;
  }
}
