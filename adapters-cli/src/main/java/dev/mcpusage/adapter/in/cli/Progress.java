package dev.mcpusage.adapter.in.cli;

import java.io.PrintWriter;

/**
 * Output: a one-line progress report on the terminal, rewritten in place at most five times a
 * second; silent when the command's output is not a terminal (piped, redirected, in a script).
 */
final class Progress {

  private static final long EVERY_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final String label;
  private final long totalBytes;
  private final boolean shown;
  private final long start = System.nanoTime();
  private long lastNanos;

  /**
   * @param totalBytes the size of the work when known (a percentage is shown), else -1; in the unit
   *     of the {@code bytes} given to {@link #update}
   * @param shown whether a terminal is there to show it on
   */
  Progress(PrintWriter err, String label, long totalBytes, boolean shown) {
    this.err = err;
    this.label = label;
    this.totalBytes = totalBytes;
    this.shown = shown;
  }

  /** True when this process runs on a terminal (and so shows progress). */
  static boolean onTerminal() {
    return System.console() != null;
  }

  /** Reports {@code items} done and {@code bytes} of the total read, if a report is due. */
  void update(long items, long bytes) {
    long now = System.nanoTime();
    if (!shown || now - lastNanos < EVERY_NANOS) {
      return;
    }
    lastNanos = now;
    err.print("\r" + line(items, bytes, now));
    err.flush();
  }

  /** Ends the progress line (the summary follows on its own line). */
  void finish(long items, long bytes) {
    if (shown) {
      err.print("\r" + line(items, bytes, System.nanoTime()) + "\n");
      err.flush();
    }
  }

  private String line(long items, long bytes, long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    StringBuilder text = new StringBuilder(label).append(' ');
    if (totalBytes > 0) {
      int percent = (int) Math.min(100, bytes * 100 / totalBytes);
      int filled = percent / 5;
      text.append('[')
          .append("#".repeat(filled))
          .append(" ".repeat(20 - filled))
          .append(String.format("] %3d%% ", percent));
    }
    return text.append(
            String.format("%,d events  %,.0f/s  %.0f s", items, items / seconds, seconds))
        .toString();
  }
}
