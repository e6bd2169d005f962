package dev.mcpusage.adapter.in.http;

/** Presentation: figures on the wire carry two decimals, like the seed's. */
final class Rounding {

  private Rounding() {}

  static double twoDecimals(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
