package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.UsageException;

/** Error: a query parameter is malformed or out of range; the message names it and the range. */
final class InvalidParameterException extends UsageException {

  private static final long serialVersionUID = 1L;

  InvalidParameterException(String message) {
    super(message);
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
