package io.quire.bench.sweep;

import io.quire.bench.history.BenchResult;
import io.quire.bench.history.Figure;
import io.quire.bench.history.Limit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A sweep chart, drawn with XChart (as the bookstore report) into a PNG returned as a
 * {@code data:} URI: Quire and HDFS medians against x on a log axis, and, when the figures
 * have a measured limit, the bound it sets as a dashed line.
 */
final class SweepCharts {
  private static final Color QUIRE = new Color(0x2E5E8C);
  private static final Color HDFS = new Color(0xE0893A);
  private static final Color BOUND = new Color(0x7F7F7F);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private SweepCharts() {}

  static String chart(BenchResult r, Series s) throws IOException {
    XYChart c = new XYChartBuilder().width(560).height(340).title(s.title())
        .xAxisTitle(s.xTitle()).yAxisTitle(s.unit()).build();
    c.getStyler().setXAxisLogarithmic(true);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(new Color(0xFAFAFA));
    c.getStyler().setAntiAlias(true);
    c.getStyler().setYAxisDecimalPattern("#,###.#");
    add(c, r, s, Figure.QUIRE, QUIRE);
    add(c, r, s, Figure.HDFS, HDFS);
    List<Double> bx = new ArrayList<>();
    List<Double> by = new ArrayList<>();
    for (Map.Entry<Double, String> p : s.points().entrySet()) {
      Figure f = r.figure(p.getValue());
      Limit l = f == null ? null : r.limit(f.limit());
      if (l != null) {
        bx.add(p.getKey());
        by.add(f.bound(l));
      }
    }
    if (!bx.isEmpty()) {
      XYSeries b = c.addSeries("bound (machine limit)", bx, by);
      b.setLineColor(BOUND);
      b.setMarker(SeriesMarkers.NONE);
      b.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {6f, 4f}, 0f));
      c.getStyler().setYAxisLogarithmic(maxOver(by, c) > 50);
    }
    byte[] png = BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }

  /** How far the bound line is above the highest measured point (a log y axis above 50x). */
  private static double maxOver(List<Double> bounds, XYChart c) {
    double top = 0;
    for (XYSeries s : c.getSeriesMap().values()) {
      for (double y : s.getYData()) {
        top = Math.max(top, y);
      }
    }
    double b = bounds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return top <= 0 ? 0 : b / top;
  }

  private static void add(XYChart c, BenchResult r, Series s, String target, Color color) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Map.Entry<Double, String> p : s.points().entrySet()) {
      Figure f = r.figure(p.getValue());
      double y = f == null ? Double.NaN : f.median(target);
      if (!Double.isNaN(y)) {
        xs.add(p.getKey());
        ys.add(y);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries series = c.addSeries(target, xs, ys);
      series.setLineColor(color);
      series.setMarkerColor(color);
      series.setMarker(SeriesMarkers.CIRCLE);
    }
  }
}
