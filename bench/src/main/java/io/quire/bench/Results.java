package io.quire.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.quire.bench.history.Figure;
import io.quire.bench.limits.Bound;

/** Figures per row and target across runs; prints medians and the Quire/HDFS ratio. */
final class Results {
  private final Map<String, String> units = new LinkedHashMap<>();
  private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
  private final Map<String, Bound> bounds = new LinkedHashMap<>();

  /** Names the limit that bounds {@code row} (null: none measured). */
  void bound(String row, Bound b) {
    if (b != null) {
      bounds.putIfAbsent(row, b);
    }
  }

  /** The rows as figures for a result file, in the order they were added. */
  List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    values.forEach((row, runs) -> {
      Bound b = bounds.get(row);
      String unit = units.get(row);
      out.add(new Figure(row, unit, Figure.higherIsBetter(unit), b == null ? null : b.limit(),
          b == null ? 1 : b.factor(), runs));
    });
    return out;
  }

  void add(String row, String unit, String target, double value) {
    units.putIfAbsent(row, unit);
    values.computeIfAbsent(row, r -> new LinkedHashMap<>())
        .computeIfAbsent(target, t -> new ArrayList<>()).add(value);
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /**
   * A Markdown table with a median column per target, in the given order, and the ratio
   * quire/hdfs (higher is better).
   */
  void print(PrintStream out, int runs, List<String> targets) {
    StringBuilder head = new StringBuilder("| workload | unit |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (String t : targets) {
      head.append(' ').append(t).append(" (median of ").append(runs).append(") |");
      rule.append("---:|");
    }
    out.println(head.append(" quire/hdfs |"));
    out.println(rule.append("---:|"));
    for (Map.Entry<String, Map<String, List<Double>>> e : values.entrySet()) {
      StringBuilder line =
          new StringBuilder("| " + e.getKey() + " | " + units.get(e.getKey()) + " |");
      for (String t : targets) {
        line.append(String.format(" %.1f |", median(e.getValue().getOrDefault(t, List.of()))));
      }
      double q = median(e.getValue().getOrDefault("quire", List.of()));
      double h = median(e.getValue().getOrDefault("hdfs", List.of()));
      line.append(Double.isNaN(q) || Double.isNaN(h) ? " n/a |" : String.format(" %.2f |", q / h));
      out.println(line);
    }
    printRaw(out);
  }

  /** A Markdown table: row, unit, median per target, ratio quire/hdfs (higher is better). */
  void print(PrintStream out, int runs) {
    out.printf("| workload | unit | quire (median of %d) | hdfs (median of %d) | quire/hdfs |%n",
        runs, runs);
    out.println("|---|---|---:|---:|---:|");
    for (Map.Entry<String, Map<String, List<Double>>> e : values.entrySet()) {
      double q = median(e.getValue().getOrDefault("quire", List.of()));
      double h = median(e.getValue().getOrDefault("hdfs", List.of()));
      out.printf("| %s | %s | %.1f | %.1f | %s |%n", e.getKey(), units.get(e.getKey()), q, h,
          Double.isNaN(q) || Double.isNaN(h) ? "n/a" : String.format("%.2f", q / h));
    }
    printRaw(out);
  }

  private void printRaw(PrintStream out) {
    out.println();
    out.println("Raw runs:");
    for (Map.Entry<String, Map<String, List<Double>>> e : values.entrySet()) {
      out.printf("  %-32s %s%n", e.getKey(), e.getValue());
    }
  }
}
