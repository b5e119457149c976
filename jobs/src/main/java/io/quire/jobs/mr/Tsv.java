package io.quire.jobs.mr;

import java.util.Locale;

/** Formatting of TSV output fields shared by every job. */
public final class Tsv {
  private Tsv() {
  }

  /** Joins fields with tabs. */
  public static String row(Object... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      sb.append(fields[i]);
    }
    return sb.toString();
  }

  /** A ratio with {@code digits} fraction digits, '.' as separator. */
  public static String ratio(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
