package io.quire.bench.sweep;

import io.quire.bench.history.BenchResult;
import io.quire.bench.history.Figure;
import io.quire.bench.history.Limit;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The sweep's HTML page: header (date, commit, machine, settings), the measured limits, one
 * chart per operation with a table of medians and ratios under it. Self-contained: charts are
 * {@code data:} PNGs, styles inline, no scripts, nothing loaded from the network.
 */
public final class SweepPage {
  private SweepPage() {}

  public static String render(BenchResult r, List<Series> charts) throws IOException {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>Quire vs HDFS sweep</title>\n").append(STYLE)
        .append("</head><body>\n<h1>Quire vs HDFS: how cost grows</h1>\n<p>")
        .append(esc(r.date().toString())).append(", commit ").append(esc(r.commit()))
        .append(", ").append(r.machine().cores()).append(" cores, ")
        .append(r.machine().memoryBytes() >> 20).append(" MiB, Java ")
        .append(esc(r.machine().java())).append("<br>");
    r.settings().forEach((k, v) -> h.append(esc(k)).append('=').append(esc(v)).append(' '));
    h.append("</p>\n<h2>Machine limits (measured in this run)</h2>\n<table><tr><th>limit</th>"
        + "<th>value</th><th>how</th></tr>\n");
    for (Limit l : r.limits()) {
      h.append("<tr><td>").append(esc(l.name())).append("</td><td class=n>")
          .append(String.format(Locale.ROOT, "%,.1f %s", l.value(), esc(l.unit())))
          .append("</td><td>").append(esc(l.how())).append("</td></tr>\n");
    }
    h.append("</table>\n<div class=grid>\n");
    for (Series s : charts) {
      h.append("<section><img alt=\"").append(esc(s.title())).append("\" src=\"")
          .append(SweepCharts.chart(r, s)).append("\">\n").append(table(r, s))
          .append("</section>\n");
    }
    return h.append("</div>\n</body></html>\n").toString();
  }

  private static String table(BenchResult r, Series s) {
    StringBuilder t = new StringBuilder("<table><tr><th>").append(esc(s.xTitle()))
        .append("</th><th>quire</th><th>hdfs</th><th>quire/hdfs</th><th>quire of bound</th>"
            + "</tr>\n");
    s.points().forEach((x, name) -> {
      Figure f = r.figure(name);
      if (f == null) {
        return;
      }
      double bound = f.bound(r.limit(f.limit()));
      t.append("<tr><td class=n>").append(String.format(Locale.ROOT, "%,.0f", x))
          .append("</td><td class=n>").append(num(f.median(Figure.QUIRE)))
          .append("</td><td class=n>").append(num(f.median(Figure.HDFS)))
          .append("</td><td class=n>").append(num(f.ratio()))
          .append("</td><td class=n>").append(Double.isNaN(bound) ? ""
              : String.format(Locale.ROOT, "%.0f%%", 100 * f.median(Figure.QUIRE) / bound))
          .append("</td></tr>\n");
    });
    return t.append("</table>\n").toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String STYLE = "<style>body{font-family:-apple-system,'Segoe UI',"
      + "Helvetica,Arial,sans-serif;margin:16px 32px;color:#222;background:#f4f5f7}"
      + "h1{color:#2E5E8C}.grid{display:flex;flex-wrap:wrap;gap:16px}"
      + "section{background:#fff;border-radius:8px;padding:10px;box-shadow:0 1px 3px "
      + "rgba(0,0,0,.12)}table{border-collapse:collapse;font-size:13px;margin:6px 0}"
      + "th,td{padding:3px 8px;border-bottom:1px solid #e3e3e3;text-align:left}"
      + "th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}"
      + "</style>\n";
}
