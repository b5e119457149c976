package io.quire.jobs.report;

import java.math.BigDecimal;
import java.util.List;

/** Small HTML helpers: escaping, money, tables. */
final class Html {
  private Html() {
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Cents as "€1,234.56". */
  static String money(long cents) {
    return "€" + String.format(java.util.Locale.ROOT, "%,.2f", BigDecimal.valueOf(cents, 2));
  }

  static String num(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  static String img(String dataUri, String alt) {
    return "<img class=\"chart\" alt=\"" + esc(alt) + "\" src=\"" + dataUri + "\">\n";
  }

  /** A table; cells are already-escaped HTML; columns after the first right-aligned if numeric. */
  static String table(List<String> head, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("<table><thead><tr>");
    for (String h : head) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr></thead><tbody>\n");
    for (List<String> r : rows) {
      sb.append("<tr>");
      for (String c : r) {
        boolean numeric = !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.startsWith("€"));
        sb.append(numeric ? "<td class=\"n\">" : "<td>").append(c).append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody></table>\n").toString();
  }

  static final String STYLE = "<style>\n"
      + "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0;"
      + "background:#f4f5f7;color:#222}\n"
      + "header{background:#2E5E8C;color:#fff;padding:18px 32px}"
      + "header h1{margin:0;font-size:26px}\n"
      + "main{padding:16px 32px;max-width:1200px}\n"
      + "section{background:#fff;border-radius:8px;padding:12px 20px;margin:16px 0;"
      + "box-shadow:0 1px 3px rgba(0,0,0,.12)}\n"
      + "h2{font-size:19px;color:#2E5E8C;margin:6px 0 10px}\n"
      + ".kpis{display:flex;gap:16px;flex-wrap:wrap}.kpi{background:#fff;border-radius:8px;"
      + "padding:12px 18px;box-shadow:0 1px 3px rgba(0,0,0,.12);min-width:150px}\n"
      + ".kpi b{display:block;font-size:22px;color:#2E5E8C}.kpi span{font-size:13px;color:#666}\n"
      + ".row{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}\n"
      + "img.chart{max-width:100%;height:auto}\n"
      + "table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{padding:4px 10px;"
      + "border-bottom:1px solid #e3e3e3;text-align:left}th{background:#eef2f7}"
      + "td.n{text-align:right;"
      + "font-variant-numeric:tabular-nums}\n"
      + "</style>\n";
}
