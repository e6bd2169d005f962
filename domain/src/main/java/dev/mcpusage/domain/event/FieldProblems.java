package dev.mcpusage.domain.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one event's fields, so that a caller learns all of them at once instead
 * of one per attempt; its list is made at the first problem.
 */
final class FieldProblems {

  private List<InvalidUsageEventException.Problem> found;

  void add(String field, String message) {
    if (found == null) {
      found = new ArrayList<>(2);
    }
    found.add(new InvalidUsageEventException.Problem(field, message));
  }

  /** Adds the problems of {@code e} whose fields have none here yet. */
  void addNew(InvalidUsageEventException e) {
    for (InvalidUsageEventException.Problem problem : e.problems()) {
      if (!has(problem.field())) {
        add(problem.field(), problem.message());
      }
    }
  }

  boolean has(String field) {
    return found != null && found.stream().anyMatch(problem -> problem.field().equals(field));
  }

  boolean isEmpty() {
    return found == null;
  }

  /** Throws one exception naming every problem, if there is any. */
  void throwIfAny() {
    if (found != null) {
      throw new InvalidUsageEventException(found);
    }
  }
}
