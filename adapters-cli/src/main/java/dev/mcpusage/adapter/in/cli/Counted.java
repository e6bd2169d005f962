package dev.mcpusage.adapter.in.cli;

import java.util.Locale;

/** Output: a count with its noun, singular for one ({@code 1 day}, {@code 1,024 events}). */
final class Counted {

  private Counted() {}

  static String of(long count, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
  }
}
