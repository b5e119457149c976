package io.quire.bench;

import io.quire.bench.history.Figure;
import io.quire.bench.history.Stats;
import io.quire.bench.limits.Bound;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        double m = Stats.median(e.getValue().getOrDefault(t, List.of()));
        line.append(String.format(" %.1f |", m));
      }
      double q = Stats.median(e.getValue().getOrDefault("quire", List.of()));
      double h = Stats.median(e.getValue().getOrDefault("hdfs", List.of()));
      line.append(Double.isNaN(q) || Double.isNaN(h) ? " n/a |" : String.format(" %.2f |", q / h));
      out.println(line);
    }
    printRaw(out);
  }

  /** {@link #print(PrintStream, int, List)} of Quire and HDFS. */
  void print(PrintStream out, int runs) {
    print(out, runs, Clusters.TARGETS);
  }

  private void printRaw(PrintStream out) {
    out.println();
    out.println("Raw runs:");
    for (Map.Entry<String, Map<String, List<Double>>> e : values.entrySet()) {
      out.printf("  %-32s %s%n", e.getKey(), e.getValue());
    }
  }
}
