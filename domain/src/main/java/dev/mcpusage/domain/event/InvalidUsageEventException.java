package dev.mcpusage.domain.event;

import dev.mcpusage.domain.UsageException;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/** Error: a usage event breaks one or more of its invariants; names every field and its limit. */
public final class InvalidUsageEventException extends UsageException {

  private static final long serialVersionUID = 2L;

  /** One field's problem: the field, in the seed's snake_case column name, and what is wrong. */
  public record Problem(String field, String message) implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<Problem> problems;

  public InvalidUsageEventException(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  /** Every problem of one event, in the order they were found; at least one. */
  public InvalidUsageEventException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid event has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The first offending field, in the seed's snake_case column name. */
  public String field() {
    return problems.get(0).field();
  }

  /** Every problem found, the first one first. */
  public List<Problem> problems() {
    return problems;
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
