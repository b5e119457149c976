package io.quire.bench.report;

import io.quire.bench.history.Figure;
import io.quire.bench.history.Limit;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown table of a Quire-vs-HDFS run: medians, the ratio quire/hdfs, and for each row
 * the bound its limit sets on this machine and how much of it Quire and HDFS reach; then the
 * raw runs.
 */
public final class ReportTable {
  private ReportTable() {}

  public static void print(PrintStream out, List<Figure> figures, List<Limit> limits, int runs) {
    out.printf("| workload | unit | quire (median of %d) | hdfs (median of %d) | quire/hdfs "
        + "| bound (limit / factor) | quire of bound | hdfs of bound |%n", runs, runs);
    out.println("|---|---|---:|---:|---:|---|---:|---:|");
    for (Figure f : figures) {
      double q = f.median(Figure.QUIRE);
      double h = f.median(Figure.HDFS);
      Limit l = limits.stream().filter(x -> x.name().equals(f.limit())).findFirst()
          .orElse(null);
      double bound = f.bound(l);
      out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", f.name(), f.unit(),
          num(q), num(h), Double.isNaN(q / h) ? "n/a" : String.format(Locale.ROOT, "%.2f", q / h),
          l == null ? "" : String.format(Locale.ROOT, "%s (%s / %s)", num(bound), l.name(),
              num(f.limitFactor())), share(q, bound), share(h, bound));
    }
    out.println();
    out.println("Raw runs:");
    for (Figure f : figures) {
      out.printf("  %-40s %s%n", f.name(), f.runs());
    }
  }

  private static String share(double v, double bound) {
    return Double.isNaN(v) || Double.isNaN(bound) ? ""
        : String.format(Locale.ROOT, "%.0f%%", 100 * v / bound);
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }
}
