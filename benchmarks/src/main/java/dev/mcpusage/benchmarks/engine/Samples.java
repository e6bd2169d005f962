package dev.mcpusage.benchmarks.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repeated measurements of one quantity: median with the spread (min, max) and percentiles. */
final class Samples {

  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  int count() {
    return values.size();
  }

  double median() {
    return percentile(0.5);
  }

  double min() {
    return sorted()[0];
  }

  double max() {
    double[] sorted = sorted();
    return sorted[sorted.length - 1];
  }

  /** Nearest-rank percentile, 0 < p <= 1. */
  double percentile(double p) {
    double[] sorted = sorted();
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The median, min, max and count, for the JSON report. */
  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("median", round(median()));
    summary.put("min", round(min()));
    summary.put("max", round(max()));
    summary.put("runs", count());
    return summary;
  }

  /** "median (min–max)", for the Markdown report. */
  String spread(String format) {
    if (count() == 1) {
      return String.format(format, median());
    }
    return String.format(format + " (" + format + "–" + format + ")", median(), min(), max());
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private double[] sorted() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
