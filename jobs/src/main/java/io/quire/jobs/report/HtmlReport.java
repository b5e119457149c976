package io.quire.jobs.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@link ReportData} as one self-contained HTML page (charts inline, no network). */
final class HtmlReport {
  private HtmlReport() {
  }

  static String render(ReportData d, String source) throws IOException {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset="
        + "\"utf-8\"><title>Bookstore report</title>\n" + Html.STYLE + "</head><body>\n");
    h.append("<header><h1>Bookstore report</h1><div>").append(Html.esc(source))
        .append("</div></header><main>\n");
    kpis(h, d);
    h.append("<section><h2>Revenue over time</h2>\n").append(Html.img(Charts.dailyRevenue(d.days),
        "Revenue per day"));
    List<String> monthLabels = new ArrayList<>();
    List<Double> monthRevenue = new ArrayList<>();
    List<List<String>> monthRows = new ArrayList<>();
    for (String[] m : d.months) {
      monthLabels.add(m[0]);
      monthRevenue.add(Long.parseLong(m[6]) / 100.0);
      monthRows.add(List.of(m[0], Html.num(Long.parseLong(m[1])), Html.num(Long.parseLong(m[5])),
          Html.money(Long.parseLong(m[6])), Html.money(Long.parseLong(m[7])), pct(m[8]),
          pct(m[9])));
    }
    h.append(Html.img(Charts.bars("Revenue per month", "Revenue (€)", monthLabels, monthRevenue,
        1100), "Revenue per month"));
    h.append(Html.table(List.of("Month", "Orders", "Units", "Revenue", "Avg order", "Cancelled",
        "Refunded"), monthRows)).append("</section>\n");

    h.append("<section><h2>Top books</h2>\n");
    List<String> bookLabels = new ArrayList<>();
    List<Double> bookRevenue = new ArrayList<>();
    List<List<String>> bookRows = new ArrayList<>();
    for (String[] b : d.topBooks) {
      if (bookLabels.size() < 15) {
        bookLabels.add(d.shortTitle(b[2]));
        bookRevenue.add(Long.parseLong(b[4]) / 100.0);
      }
      bookRows.add(List.of(b[1], Html.esc(d.title(b[2])), Html.num(Long.parseLong(b[3])),
          Html.money(Long.parseLong(b[4]))));
    }
    h.append(Html.img(Charts.bars("Top 15 books by revenue", "Revenue (€)", bookLabels,
        bookRevenue, 1100), "Top books"));
    h.append(Html.table(List.of("#", "Book", "Units", "Revenue"), bookRows)).append("</section>\n");

    h.append("<section><h2>Categories and customers</h2><div class=\"row\">\n");
    Map<String, Double> cats = new LinkedHashMap<>();
    d.categoryRevenue.forEach((k, v) -> cats.put(k, v / 100.0));
    h.append(Html.img(Charts.pie("Revenue by category", cats), "Revenue by category"));
    Map<String, Long> segments = new LinkedHashMap<>();
    d.customerSummary.forEach((k, v) -> {
      if (k.startsWith("segment=")) {
        segments.put(k.substring(8), Long.parseLong(v));
      }
    });
    h.append(Html.img(Charts.pie("Customer segments (RFM)", segments), "Customer segments"));
    h.append("</div>\n");
    List<List<String>> catRows = new ArrayList<>();
    d.topByCategory.forEach((cat, rows) -> catRows.add(List.of(Html.esc(cat),
        Html.money(d.categoryRevenue.getOrDefault(cat, 0L)), Html.esc(d.title(rows.get(0)[2])))));
    h.append(Html.table(List.of("Category", "Revenue", "Best seller"), catRows))
        .append("</section>\n");

    pairsSection(h, d);
    rankingSection(h, "Top authors", d.topAuthors);
    rankingSection(h, "Top publishers", d.topPublishers);
    // Lets a headless browser test see how many charts actually decoded (no network involved).
    h.append("<script>addEventListener('load',function(){document.body.setAttribute("
        + "'data-charts-rendered',Array.from(document.images).filter(function(i){"
        + "return i.naturalWidth>0;}).length);});</script>\n");
    return h.append("</main></body></html>\n").toString();
  }

  private static void kpis(StringBuilder h, ReportData d) {
    long revenue = 0;
    long orders = 0;
    long completed = 0;
    for (String[] m : d.months) {
      revenue += Long.parseLong(m[6]);
      orders += Long.parseLong(m[1]);
      completed += Long.parseLong(m[2]);
    }
    h.append("<div class=\"kpis\">");
    kpi(h, Html.money(revenue), "revenue (completed orders)");
    kpi(h, Html.num(orders), "orders");
    kpi(h, Html.money(completed == 0 ? 0 : revenue / completed), "average order");
    kpi(h, Html.num(Long.parseLong(d.customerSummary.getOrDefault("customers", "0"))),
        "customers");
    kpi(h, pct(d.customerSummary.getOrDefault("repeat_rate", "0")), "repeat-purchase rate");
    h.append("</div>\n");
  }

  private static void kpi(StringBuilder h, String value, String label) {
    h.append("<div class=\"kpi\"><b>").append(value).append("</b><span>").append(label)
        .append("</span></div>");
  }

  private static void pairsSection(StringBuilder h, ReportData d) throws IOException {
    h.append("<section><h2>Bought together</h2>\n");
    List<String> labels = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (String[] p : d.pairs.subList(0, Math.min(15, d.pairs.size()))) {
      labels.add(d.shortTitle(p[0], 16) + " + " + d.shortTitle(p[1], 16));
      counts.add(Double.parseDouble(p[2]));
      rows.add(List.of(Html.esc(d.title(p[0])), Html.esc(d.title(p[1])),
          Html.num(Long.parseLong(p[2])), p[3], p[4], p[6]));
    }
    h.append(Html.img(Charts.bars("Top pairs by orders together", "Orders", labels, counts, 1100),
        "Top pairs"));
    h.append(Html.table(List.of("Book", "Bought with", "Orders", "Support", "Confidence", "Lift"),
        rows)).append("</section>\n");
  }

  private static void rankingSection(StringBuilder h, String title, List<String[]> top)
      throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (String[] r : top) {
      if (labels.size() < 12) {
        labels.add(r[2]);
        values.add(Long.parseLong(r[4]) / 100.0);
      }
      rows.add(List.of(r[1], Html.esc(r[2]), Html.num(Long.parseLong(r[3])),
          Html.money(Long.parseLong(r[4])), Html.num(Long.parseLong(r[5]))));
    }
    h.append("<section><h2>").append(title).append("</h2>\n")
        .append(Html.img(Charts.bars(title + " by revenue", "Revenue (€)", labels, values, 1100),
            title))
        .append(Html.table(List.of("#", "Name", "Units", "Revenue", "Orders"), rows))
        .append("</section>\n");
  }

  private static String pct(String ratio) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", Double.parseDouble(ratio) * 100);
  }
}
