package io.quire.bench.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and range of a figure's runs (NaN for no runs). */
public final class Stats {
  private Stats() {}

  public static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  public static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  public static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** (max - min) / median, as a fraction; 0 for one run, NaN for none. */
  public static double relativeSpread(List<Double> xs) {
    double m = median(xs);
    return xs.isEmpty() || m == 0 ? Double.NaN : (max(xs) - min(xs)) / Math.abs(m);
  }
}
