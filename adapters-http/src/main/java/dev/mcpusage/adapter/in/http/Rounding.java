package dev.mcpusage.adapter.in.http;

/** Presentation: figures on the wire carry two decimals, like the seed's. */
final class Rounding {

  private Rounding() {}

  static double twoDecimals(double value) {
    return Math.round(value * 100.0) / 100.0;
  }

  /** Percent of {@code part} in {@code whole}, two decimals; 0 when there is no whole. */
  static double percent(long part, long whole) {
    return whole == 0 ? 0 : twoDecimals(part * 100.0 / whole);
  }
}
