package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.UsageException;

/** Error: the store could not be reached or failed; the cause is kept. */
public final class StoreUnavailableException extends UsageException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message, null);
  }

  @Override
  public String code() {
    return "store_unavailable";
  }

  @Override
  public boolean isCallerError() {
    return false;
  }
}
