package io.quire.jobs.customers;

/**
 * RFM scoring with fixed, documented thresholds (1 worst .. 5 best):
 * <pre>
 * R  days since last order   <=30:5  <=90:4  <=180:3  <=270:2  else 1
 * F  completed orders        >=10:5  >=5:4   >=3:3    2:2      1:1
 * M  spend                   >=500.00:5  >=200.00:4  >=80.00:3  >=30.00:2  else 1
 * </pre>
 * Segments, first match: Champions (R>=4, F>=4); Loyal (F>=4); New (R>=4, F=1);
 * Potential loyalists (R>=3, F 2-3); At risk (R<=2, F>=2); Hibernating (the rest).
 */
public final class Rfm {
  public static final String[] SEGMENTS = {"Champions", "Loyal", "New", "Potential loyalists",
      "At risk", "Hibernating"};

  private Rfm() {
  }

  public static int recency(long days) {
    return days <= 30 ? 5 : days <= 90 ? 4 : days <= 180 ? 3 : days <= 270 ? 2 : 1;
  }

  public static int frequency(long orders) {
    return orders >= 10 ? 5 : orders >= 5 ? 4 : orders >= 3 ? 3 : orders == 2 ? 2 : 1;
  }

  public static int monetary(long cents) {
    return cents >= 50_000 ? 5 : cents >= 20_000 ? 4 : cents >= 8_000 ? 3 : cents >= 3_000 ? 2
        : 1;
  }

  public static String segment(int r, int f) {
    if (r >= 4 && f >= 4) {
      return SEGMENTS[0];
    }
    if (f >= 4) {
      return SEGMENTS[1];
    }
    if (r >= 4 && f == 1) {
      return SEGMENTS[2];
    }
    if (r >= 3 && f >= 2) {
      return SEGMENTS[3];
    }
    if (r <= 2 && f >= 2) {
      return SEGMENTS[4];
    }
    return SEGMENTS[5];
  }
}
