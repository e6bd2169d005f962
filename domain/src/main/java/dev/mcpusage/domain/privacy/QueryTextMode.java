package dev.mcpusage.domain.privacy;

import java.util.Locale;

/** Value: how much of a search's text is kept — all of it (the seed's way), a hash, or nothing. */
public enum QueryTextMode {
  FULL,
  HASH,
  NONE;

  /** The mode named {@code full}, {@code hash} or {@code none} (any case). */
  public static QueryTextMode parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "query text mode must be full, hash or none, was '" + name + "'", e);
    }
  }
}
