package io.quire.bench;

import io.quire.bench.history.Stats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures of the HA benchmark per row and target across runs, as a Markdown table: the median
 * per target, "quire vs hdfs" (above 1: Quire HA is better, that is faster or shorter:
 * hdfs/quire for times, quire/hdfs for rates) and "HA / 1 NN" (Quire HA over a single Quire
 * NameNode on its file journal, for rates: below 1 is the cost of the shared log).
 */
final class HaResults {
  static final String QUIRE_HA = "quire-ha";
  static final String HDFS_HA = "hdfs-ha";
  static final String QUIRE_1NN = "quire-1nn";
  private static final List<String> TARGETS = List.of(QUIRE_HA, HDFS_HA, QUIRE_1NN);

  private record Row(String unit, boolean lowerIsBetter,
      Map<String, List<Double>> values) {}

  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final Set<String> uncompared = new HashSet<>();

  /** Adds one run's figure; {@code unit} "ms" rows are times (lower is better). */
  void add(String row, String unit, String target, double value) {
    rows.computeIfAbsent(row, r -> new Row(unit, unit.equals("ms"), new LinkedHashMap<>()))
        .values().computeIfAbsent(target, t -> new ArrayList<>()).add(value);
  }

  /** Rows whose Quire and HDFS figures measure different things get no "quire vs hdfs". */
  void uncompared(String row) {
    uncompared.add(row);
  }

  /** Median of a row for a target (NaN when there is none). */
  double median(String row, String target) {
    Row r = rows.get(row);
    return r == null ? Double.NaN : median(r, target);
  }

  String table(int runs) {
    StringBuilder b = new StringBuilder();
    b.append("| measurement | unit | quire HA | hdfs HA | quire 1 NN | quire vs hdfs"
        + " | HA / 1 NN |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      Row r = e.getValue();
      double q = median(r, QUIRE_HA);
      double h = median(r, HDFS_HA);
      double one = median(r, QUIRE_1NN);
      b.append("| ").append(e.getKey()).append(" | ").append(r.unit()).append(" |");
      for (double v : new double[] {q, h, one}) {
        b.append(Double.isNaN(v) ? " - |" : String.format(" %.1f |", v));
      }
      b.append(uncompared.contains(e.getKey()) ? " - |"
          : ratio(r.lowerIsBetter() ? h / q : q / h));
      b.append(r.lowerIsBetter() ? " - |" : ratio(q / one));
      b.append('\n');
    }
    b.append("\nMedians of ").append(runs).append(" runs. Raw runs:\n");
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      b.append("  ").append(e.getKey()).append(':');
      for (String t : TARGETS) {
        List<Double> v = e.getValue().values().get(t);
        if (v != null) {
          b.append(' ').append(t).append(' ').append(format(v));
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? " - |" : String.format(" %.2f |", r);
  }

  private static String format(List<Double> v) {
    List<String> s = new ArrayList<>();
    for (double d : v) {
      s.add(String.format("%.1f", d));
    }
    return "[" + String.join(", ", s) + "]";
  }

  private static double median(Row r, String target) {
    return Stats.median(r.values().getOrDefault(target, List.of()));
  }
}
