package dev.mcpusage.domain;

/** Base of every error the product reports on purpose; {@link #code()} is stable for clients. */
public abstract class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected UsageException(String message) {
    super(message);
  }

  protected UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A short machine-readable code such as {@code invalid_window}. */
  public abstract String code();

  /** True when the caller sent something wrong (as opposed to a failure on our side). */
  public abstract boolean isCallerError();
}
