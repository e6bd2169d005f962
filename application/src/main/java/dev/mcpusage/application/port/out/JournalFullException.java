package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.UsageException;

/** Error: the journal reached its bound and cannot keep another batch. */
public final class JournalFullException extends UsageException {

  private static final long serialVersionUID = 1L;

  public JournalFullException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "journal_full";
  }

  @Override
  public boolean isCallerError() {
    return false;
  }
}
