package io.quire.bench.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes per class from a {@code jcmd GC.class_histogram} output (lines
 * {@code    1:   12345   678901  [B (java.base@17.0.15)} and a last line
 * {@code Total <instances> <bytes>}), and the classes that grew most between two.
 */
final class ClassGrowth {
  private final Map<String, long[]> classes = new HashMap<>();
  private long total;

  static ClassGrowth parse(String histogram) {
    ClassGrowth g = new ClassGrowth();
    for (String line : histogram.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[0].equals("Total")) {
        g.total = Long.parseLong(f[2]);
      } else if (f.length >= 4 && f[0].matches("\\d+:")) {
        g.classes.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
      }
    }
    return g;
  }

  /**
   * The {@code top} classes that grew most in bytes from {@code this} to {@code later}, as
   * lines "bytes per unit, instances per unit, class", then the total's growth per unit.
   */
  String grownBy(ClassGrowth later, int top, double units) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : later.classes.entrySet()) {
      long[] a = classes.getOrDefault(e.getKey(), new long[2]);
      long bytes = e.getValue()[1] - a[1];
      if (bytes > 0) {
        rows.add(new Object[] {e.getKey(), e.getValue()[0] - a[0], bytes});
      }
    }
    rows.sort((p, q) -> Long.compare((long) q[2], (long) p[2]));
    StringBuilder sb = new StringBuilder();
    for (Object[] r : rows.subList(0, Math.min(top, rows.size()))) {
      sb.append(String.format("  %8.1f  %6.2f  %s%n", (long) r[2] / units, (long) r[1] / units,
          r[0]));
    }
    sb.append(String.format("  %8.1f          total%n", (later.total - total) / units));
    return sb.toString();
  }
}
