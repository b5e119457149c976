package io.quire.jobs.report;

import java.io.PrintStream;
import java.util.Locale;

/** A short plain-text summary of the report for the terminal: top books, monthly revenue. */
final class TerminalSummary {
  private TerminalSummary() {
  }

  static void print(ReportData d, PrintStream out) {
    out.println("Top books by revenue");
    for (String[] b : d.topBooks.subList(0, Math.min(10, d.topBooks.size()))) {
      out.printf(Locale.ROOT, "  %2s. %-60s %8s units %14s%n", b[1], clip(d.title(b[2]), 60),
          Html.num(Long.parseLong(b[3])), Html.money(Long.parseLong(b[4])));
    }
    out.println();
    out.println("Monthly revenue (completed orders)");
    long max = 1;
    for (String[] m : d.months) {
      max = Math.max(max, Long.parseLong(m[6]));
    }
    for (String[] m : d.months) {
      long cents = Long.parseLong(m[6]);
      out.printf(Locale.ROOT, "  %s %9s orders %15s  %s%n", m[0], Html.num(Long.parseLong(m[1])),
          Html.money(cents), "#".repeat((int) (40 * cents / max)));
    }
    out.printf(Locale.ROOT, "%nCustomers: %s, repeat-purchase rate %s%n",
        Html.num(Long.parseLong(d.customerSummary.getOrDefault("customers", "0"))),
        String.format(Locale.ROOT, "%.1f%%",
            100 * Double.parseDouble(d.customerSummary.getOrDefault("repeat_rate", "0"))));
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
