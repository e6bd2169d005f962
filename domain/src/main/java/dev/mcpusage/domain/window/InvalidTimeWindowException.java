package dev.mcpusage.domain.window;

import dev.mcpusage.domain.UsageException;

/** Error: a requested window is outside its allowed range; names the parameter and the range. */
public final class InvalidTimeWindowException extends UsageException {

  private static final long serialVersionUID = 1L;
  private final String parameter;
  private final long min;
  private final long max;

  public InvalidTimeWindowException(String parameter, long min, long max, long actual) {
    super(parameter + " must be between " + min + " and " + max + ", was " + actual);
    this.parameter = parameter;
    this.min = min;
    this.max = max;
  }

  /** The parameter's name as clients send it ({@code hours}, {@code days}). */
  public String parameter() {
    return parameter;
  }

  /** Smallest allowed value. */
  public long min() {
    return min;
  }

  /** Largest allowed value. */
  public long max() {
    return max;
  }

  @Override
  public String code() {
    return "invalid_window";
  }

  @Override
  public boolean isCallerError() {
    return true;
  }
}
