package dev.mcpusage.adapter.in.http;

import java.util.Optional;

/**
 * A query parameter of a route: its name, meaning, and for integers the allowed range and default.
 */
record ApiParameter(
    String name,
    String description,
    boolean integer,
    int min,
    int max,
    Optional<Integer> defaultValue) {

  static ApiParameter integer(String name, String description, int min, int max, int defaultValue) {
    return new ApiParameter(name, description, true, min, max, Optional.of(defaultValue));
  }

  static ApiParameter text(String name, String description, int maxLength) {
    return new ApiParameter(name, description, false, 0, maxLength, Optional.empty());
  }
}
