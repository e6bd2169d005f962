package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.UsageException;

/** Error: a result limit outside its range; names the parameter and the range. */
public final class InvalidLimitException extends UsageException {

  private static final long serialVersionUID = 1L;

  public InvalidLimitException(int limit, int max) {
    super("limit must be between 1 and " + max + ", was " + limit);
  }

  @Override
  public String code() {
    return "invalid_parameter";
  }

  @Override
  public boolean isCallerError() {
    return true;
  }
}
