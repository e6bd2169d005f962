package dev.mcpusage.domain.event;

/** Rule: text PostgreSQL can store; U+0000 is replaced so one event never fails a whole batch. */
public final class StorableText {

  /** What stands in for a NUL character. */
  public static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  /** The text with every U+0000 replaced by U+FFFD; the same instance when there is none. */
  public static String of(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', REPLACEMENT);
  }
}
