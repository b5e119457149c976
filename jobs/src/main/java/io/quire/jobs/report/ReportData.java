package io.quire.jobs.report;

import io.quire.jobs.mr.CatalogIndex;
import io.quire.jobs.mr.TsvFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The figures of a {@code jobs all} output directory, loaded for the report: TSV rows of each
 * job as written (see each job's javadoc), plus book titles when a catalog is given.
 */
final class ReportData {
  final List<String[]> months;
  final List<String[]> days;
  final Map<String, Long> categoryRevenue = new TreeMap<>();
  final List<String[]> topBooks = new ArrayList<>();
  final Map<String, List<String[]>> topByCategory = new TreeMap<>();
  final Map<String, String> customerSummary = new LinkedHashMap<>();
  final List<String[]> pairs;
  final List<String[]> topAuthors = new ArrayList<>();
  final List<String[]> topPublishers = new ArrayList<>();
  private final CatalogIndex catalog;

  ReportData(Configuration conf, Path in, Path catalogCsv) throws IOException {
    catalog = catalogCsv == null ? null : CatalogIndex.load(conf, catalogCsv);
    months = TsvFiles.read(conf, new Path(in, "revenue/month"));
    days = TsvFiles.read(conf, new Path(in, "revenue/day"));
    months.sort(Comparator.comparing(r -> r[0]));
    days.sort(Comparator.comparing(r -> r[0]));
    for (String[] r : TsvFiles.read(conf, new Path(in, "revenue/category"))) {
      categoryRevenue.merge(r[0], Long.parseLong(r[4]), Long::sum);
    }
    for (String[] r : TsvFiles.read(conf, new Path(in, "best-sellers/top"))) {
      if (r[0].equals("all")) {
        topBooks.add(r);
      } else if (r[0].startsWith("category=")) {
        topByCategory.computeIfAbsent(r[0].substring(9), k -> new ArrayList<>()).add(r);
      }
    }
    byRank(topBooks);
    topByCategory.values().forEach(ReportData::byRank);
    FileSystem fs = in.getFileSystem(conf);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        fs.open(new Path(in, "customers/summary.tsv")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        customerSummary.put(f[0], f[1]);
      }
    }
    pairs = TsvFiles.read(conf, new Path(in, "bought-together/stripes/pairs"));
    pairs.sort(Comparator.<String[]>comparingLong(r -> -Long.parseLong(r[2]))
        .thenComparing(r -> -Double.parseDouble(r[6])).thenComparing(r -> r[0] + "," + r[1]));
    for (String[] r : TsvFiles.read(conf, new Path(in, "authors-publishers/top"))) {
      (r[0].equals("author") ? topAuthors : topPublishers).add(r);
    }
    byRank(topAuthors);
    byRank(topPublishers);
  }

  private static void byRank(List<String[]> rows) {
    rows.sort(Comparator.comparingInt(r -> Integer.parseInt(r[1])));
  }

  /** "Title (Author)" for a book id, or "#id" without a catalog. */
  String title(String bookId) {
    if (catalog != null) {
      var b = catalog.get(Long.parseLong(bookId));
      if (b != null) {
        return b.title() + " (" + b.author() + ")";
      }
    }
    return "#" + bookId;
  }

  /** Short label for charts. */
  String shortTitle(String bookId) {
    return shortTitle(bookId, 28);
  }

  /** Title without author, at most {@code max} characters. */
  String shortTitle(String bookId, int max) {
    String t = title(bookId);
    int p = t.indexOf(" (");
    String s = p > 0 ? t.substring(0, p) : t;
    return s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
