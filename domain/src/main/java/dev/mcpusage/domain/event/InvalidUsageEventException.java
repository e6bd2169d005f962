package dev.mcpusage.domain.event;

import dev.mcpusage.domain.UsageException;

/** Error: a usage event breaks one of its invariants; names the field and the limit. */
public final class InvalidUsageEventException extends UsageException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidUsageEventException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The offending field, in the seed's snake_case column name. */
  public String field() {
    return field;
  }

  @Override
  public String code() {
    return "invalid_event";
  }

  @Override
  public boolean isCallerError() {
    return true;
  }
}
