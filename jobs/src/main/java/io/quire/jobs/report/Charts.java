package io.quire.jobs.report;

import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The report's charts, drawn with XChart into PNGs and returned as {@code data:} URIs so the
 * HTML page needs no network and no side files.
 */
final class Charts {
  private static final Color[] PALETTE = {new Color(0x2E5E8C), new Color(0xE0893A),
      new Color(0x4E9A6A), new Color(0xC0504D), new Color(0x8064A2), new Color(0x4BACC6),
      new Color(0xD9B44A), new Color(0x7F7F7F), new Color(0x9BBB59), new Color(0xF79646),
      new Color(0x1F497D), new Color(0xB65708)};

  private Charts() {
  }

  static String dailyRevenue(List<String[]> days) throws IOException {
    XYChart c = new XYChartBuilder().width(1100).height(360).title("Revenue per day")
        .xAxisTitle("Day").yAxisTitle("Revenue (€)").build();
    style(c);
    c.getStyler().setDatePattern("MMM yyyy");
    c.getStyler().setYAxisDecimalPattern("#,###");
    c.getStyler().setMarkerSize(0);
    c.getStyler().setLegendVisible(false);
    List<Date> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (String[] r : days) {
      x.add(Date.from(LocalDate.parse(r[0]).atStartOfDay().toInstant(ZoneOffset.UTC)));
      y.add(Long.parseLong(r[6]) / 100.0);
    }
    c.addSeries("revenue", x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    return png(c);
  }

  static String bars(String title, String yTitle, List<String> labels, List<Double> values,
      int width) throws IOException {
    CategoryChart c = new CategoryChartBuilder().width(width).height(380).title(title)
        .yAxisTitle(yTitle).build();
    style(c);
    c.getStyler().setXAxisLabelRotation(labels.size() > 8 ? 40 : 0);
    c.getStyler().setYAxisDecimalPattern("#,###.##");
    c.getStyler().setLegendVisible(false);
    c.getStyler().setAvailableSpaceFill(0.7);
    c.addSeries(yTitle, labels, values);
    return png(c);
  }

  static String pie(String title, Map<String, ? extends Number> slices) throws IOException {
    PieChart c = new PieChartBuilder().width(540).height(380).title(title).build();
    style(c);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    slices.forEach(c::addSeries);
    return png(c);
  }

  private static void style(Chart<?, ?> c) {
    Styler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE).setSeriesColors(PALETTE).setAntiAlias(true)
        .setChartTitleFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 16));
    s.setPlotBackgroundColor(new Color(0xFAFAFA)).setPlotBorderVisible(false);
  }

  private static String png(Chart<?, ?> c) throws IOException {
    byte[] bytes = BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
  }
}
