package io.quire.jobs.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every figure of the five jobs computed in plain Java over {@link ReferenceArchive}, as the
 * sorted TSV lines the jobs are documented to write.
 */
public final class ReferenceFigures {
  private final ReferenceArchive a;

  public ReferenceFigures(ReferenceArchive archive) {
    this.a = archive;
  }

  public Map<String, Long> malformed() {
    return a.malformed;
  }

  private static LocalDate day(long ms) {
    return Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String month(long ms) {
    return day(ms).toString().substring(0, 7);
  }

  private List<RefOrder> completed() {
    return a.valid.stream().filter(o -> o.status().equals("completed")).toList();
  }

  private static String tsv(Object... f) {
    StringBuilder sb = new StringBuilder();
    for (Object o : f) {
      sb.append(sb.length() == 0 ? "" : "\t").append(o);
    }
    return sb.toString();
  }

  private static String fmt(double v, int d) {
    return String.format(Locale.ROOT, "%." + d + "f", v);
  }

  private static List<String> sorted(List<String> l) {
    List<String> s = new ArrayList<>(l);
    s.sort(null);
    return s;
  }

  /** best-sellers/sales: group book units cents orders. */
  public List<String> bookSales() {
    Map<String, long[]> m = new TreeMap<>();
    for (RefOrder o : completed()) {
      Map<Long, long[]> perBook = new HashMap<>();
      for (long[] i : o.items()) {
        long[] s = perBook.computeIfAbsent(i[0], k -> new long[2]);
        s[0] += i[1];
        s[1] += i[1] * i[2];
      }
      perBook.forEach((b, s) -> {
        for (String g : List.of("all", "month=" + month(o.placedAt()),
            "category=" + a.catalog.get(b)[3])) {
          long[] t = m.computeIfAbsent(g + "\t" + b, k -> new long[3]);
          t[0] += s[0];
          t[1] += s[1];
          t[2]++;
        }
      });
    }
    List<String> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(tsv(k, v[0], v[1], v[2])));
    return sorted(out);
  }

  /** Top n per group of sales rows (group id units cents orders) by cents desc, id asc. */
  public static List<String> top(List<String> sales, int n) {
    Map<String, List<String[]>> groups = new TreeMap<>();
    for (String s : sales) {
      String[] f = s.split("\t");
      groups.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
    }
    List<String> out = new ArrayList<>();
    groups.forEach((g, rows) -> {
      rows.sort(Comparator.<String[]>comparingLong(r -> -Long.parseLong(r[3]))
          .thenComparing(r -> r[1]));
      for (int i = 0; i < Math.min(n, rows.size()); i++) {
        String[] r = rows.get(i);
        out.add(tsv(g, i + 1, r[1], r[2], r[3], r[4]));
      }
    });
    return sorted(out);
  }

  /** revenue/day or revenue/month rows. */
  public List<String> revenue(boolean daily) {
    Map<String, long[]> m = new TreeMap<>();
    for (RefOrder o : a.valid) {
      String k = daily ? day(o.placedAt()).toString() : month(o.placedAt());
      long[] t = m.computeIfAbsent(k, x -> new long[5]);
      switch (o.status()) {
        case "completed" -> {
          t[0]++;
          for (long[] i : o.items()) {
            t[3] += i[1];
            t[4] += i[1] * i[2];
          }
        }
        case "cancelled" -> t[1]++;
        default -> t[2]++;
      }
    }
    List<String> out = new ArrayList<>();
    m.forEach((k, t) -> {
      long total = t[0] + t[1] + t[2];
      out.add(tsv(k, total, t[0], t[1], t[2], t[3], t[4], t[0] == 0 ? 0 : t[4] / t[0],
          fmt(t[1] / (double) total, 4), fmt(t[2] / (double) total, 4)));
    });
    return sorted(out);
  }

  /** revenue/category rows: category month orders units cents. */
  public List<String> categories() {
    Map<String, long[]> m = new TreeMap<>();
    for (RefOrder o : completed()) {
      Map<String, long[]> per = new HashMap<>();
      for (long[] i : o.items()) {
        long[] s = per.computeIfAbsent(a.catalog.get(i[0])[3], k -> new long[2]);
        s[0] += i[1];
        s[1] += i[1] * i[2];
      }
      per.forEach((c, s) -> {
        long[] t = m.computeIfAbsent(c + "\t" + month(o.placedAt()), k -> new long[3]);
        t[0]++;
        t[1] += s[0];
        t[2] += s[1];
      });
    }
    List<String> out = new ArrayList<>();
    m.forEach((k, t) -> out.add(tsv(k, t[0], t[1], t[2])));
    return sorted(out);
  }

  /** customers rows with the RFM thresholds of the job's documentation. */
  public List<String> customers(LocalDate asOf) {
    Map<Long, long[]> m = new TreeMap<>();
    for (RefOrder o : completed()) {
      long[] t = m.computeIfAbsent(o.user(), k -> new long[] {0, 0, Long.MAX_VALUE, 0});
      t[0]++;
      for (long[] i : o.items()) {
        t[1] += i[1] * i[2];
      }
      t[2] = Math.min(t[2], o.placedAt());
      t[3] = Math.max(t[3], o.placedAt());
    }
    List<String> out = new ArrayList<>();
    m.forEach((u, t) -> {
      long rec = asOf.toEpochDay() - day(t[3]).toEpochDay();
      int r = rec <= 30 ? 5 : rec <= 90 ? 4 : rec <= 180 ? 3 : rec <= 270 ? 2 : 1;
      int f = t[0] >= 10 ? 5 : t[0] >= 5 ? 4 : t[0] >= 3 ? 3 : (int) t[0];
      int mo = t[1] >= 50_000 ? 5 : t[1] >= 20_000 ? 4 : t[1] >= 8_000 ? 3 : t[1] >= 3_000 ? 2
          : 1;
      String seg = r >= 4 && f >= 4 ? "Champions" : f >= 4 ? "Loyal"
          : r >= 4 && f == 1 ? "New" : r >= 3 && f >= 2 ? "Potential loyalists"
          : r <= 2 && f >= 2 ? "At risk" : "Hibernating";
      out.add(tsv(u, t[0], t[1], day(t[2]), day(t[3]), rec, r, f, mo, seg));
    });
    return sorted(out);
  }

  /** bought-together/item-counts rows: book orders. */
  public List<String> itemCounts() {
    Map<Long, Long> m = new TreeMap<>();
    for (RefOrder o : completed()) {
      for (long b : ReferenceArchive.books(o)) {
        m.merge(b, 1L, Long::sum);
      }
    }
    List<String> out = new ArrayList<>();
    m.forEach((b, n) -> out.add(b + "\t" + n));
    return sorted(out);
  }

  /** bought-together pairs (index 0) and companions (index 1). */
  public List<List<String>> pairs(long minCount, int topK) {
    long n = completed().size();
    Map<Long, Long> single = new HashMap<>();
    Map<Long, Map<Long, Long>> co = new TreeMap<>();
    for (RefOrder o : completed()) {
      TreeSet<Long> bs = new TreeSet<>(ReferenceArchive.books(o));
      bs.forEach(b -> single.merge(b, 1L, Long::sum));
      for (long x : bs) {
        for (long y : bs) {
          if (x != y) {
            co.computeIfAbsent(x, k -> new TreeMap<>()).merge(y, 1L, Long::sum);
          }
        }
      }
    }
    List<String> pairs = new ArrayList<>();
    List<String> comps = new ArrayList<>();
    co.forEach((x, ys) -> {
      long nx = single.get(x);
      List<long[]> c = new ArrayList<>();
      ys.forEach((y, nxy) -> {
        if (nxy < minCount) {
          return;
        }
        long ny = single.get(y);
        double lift = (double) nxy * n / ((double) nx * ny);
        c.add(new long[] {y, nxy, ny});
        if (x < y) {
          pairs.add(tsv(x, y, nxy, fmt(nxy / (double) n, 6), fmt(nxy / (double) nx, 4),
              fmt(nxy / (double) ny, 4), fmt(lift, 4)));
        }
      });
      c.sort(Comparator.<long[]>comparingLong(e -> -e[1]).thenComparingLong(e -> e[0]));
      for (int i = 0; i < Math.min(topK, c.size()); i++) {
        long[] e = c.get(i);
        comps.add(tsv(x, i + 1, e[0], e[1], fmt(e[1] / (double) nx, 4),
            fmt((double) e[1] * n / ((double) nx * e[2]), 4)));
      }
    });
    return List.of(sorted(pairs), sorted(comps));
  }

  /** authors-publishers/sales rows: kind name units cents orders. */
  public List<String> authorsPublishers() {
    Map<String, long[]> m = new TreeMap<>();
    for (RefOrder o : completed()) {
      Map<String, long[]> per = new HashMap<>();
      for (long[] i : o.items()) {
        String[] b = a.catalog.get(i[0]);
        for (String k : List.of("author\t" + b[1], "publisher\t" + b[2])) {
          long[] s = per.computeIfAbsent(k, x -> new long[2]);
          s[0] += i[1];
          s[1] += i[1] * i[2];
        }
      }
      per.forEach((k, s) -> {
        long[] t = m.computeIfAbsent(k, x -> new long[3]);
        t[0] += s[0];
        t[1] += s[1];
        t[2]++;
      });
    }
    List<String> out = new ArrayList<>();
    m.forEach((k, t) -> out.add(tsv(k, t[0], t[1], t[2])));
    return sorted(out);
  }
}
