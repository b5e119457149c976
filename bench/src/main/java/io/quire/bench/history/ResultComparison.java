package io.quire.bench.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two results figure by figure and target by target.
 *
 * <p>A change counts (BETTER or WORSE) only when it is outside the noise: the ranges of the
 * old and the new runs do not overlap, and the medians differ by at least {@code
 * thresholdPercent}. With one run per side the ranges are points, so only the threshold
 * guards; with three runs the spread the runs showed decides. The quire/hdfs ratio row counts
 * when the ratio moved by the threshold and both sides' verdicts do not explain it as noise
 * (at least one of them is BETTER or WORSE).
 */
public final class ResultComparison {
  public static final double DEFAULT_THRESHOLD_PERCENT = 5.0;

  private ResultComparison() {}

  public static List<Change> compare(BenchResult oldR, BenchResult newR,
      double thresholdPercent) {
    Set<String> names = new LinkedHashSet<>();
    oldR.figures().forEach(f -> names.add(f.name()));
    newR.figures().forEach(f -> names.add(f.name()));
    List<Change> out = new ArrayList<>();
    for (String name : names) {
      Figure o = oldR.figure(name);
      Figure n = newR.figure(name);
      Figure any = n != null ? n : o;
      Set<String> targets = new LinkedHashSet<>();
      if (o != null) {
        targets.addAll(o.runs().keySet());
      }
      if (n != null) {
        targets.addAll(n.runs().keySet());
      }
      List<Change.Verdict> sides = new ArrayList<>();
      for (String t : targets) {
        Change c = compare(name, any.unit(), any.higherIsBetter(), t,
            o == null ? List.of() : o.runsOf(t), n == null ? List.of() : n.runsOf(t),
            thresholdPercent);
        sides.add(c.verdict());
        out.add(c);
      }
      if (o != null && n != null && Double.isFinite(o.ratio()) && Double.isFinite(n.ratio())) {
        double pct = percent(o.ratio(), n.ratio());
        boolean moved = Math.abs(pct) >= thresholdPercent
            && (sides.contains(Change.Verdict.BETTER) || sides.contains(Change.Verdict.WORSE));
        out.add(new Change(name, "", Change.RATIO, o.ratio(), n.ratio(), pct,
            moved ? direction(pct, any.higherIsBetter()) : Change.Verdict.NOISE));
      }
    }
    return out;
  }

  /** One target's runs, old against new. */
  static Change compare(String name, String unit, boolean higherIsBetter, String target,
      List<Double> oldRuns, List<Double> newRuns, double thresholdPercent) {
    double om = Stats.median(oldRuns);
    double nm = Stats.median(newRuns);
    if (oldRuns.isEmpty() || newRuns.isEmpty()) {
      return new Change(name, unit, target, om, nm, Double.NaN,
          oldRuns.isEmpty() ? Change.Verdict.ADDED : Change.Verdict.REMOVED);
    }
    double pct = percent(om, nm);
    boolean disjoint = Stats.min(newRuns) > Stats.max(oldRuns)
        || Stats.max(newRuns) < Stats.min(oldRuns);
    Change.Verdict v = disjoint && Math.abs(pct) >= thresholdPercent
        ? direction(pct, higherIsBetter) : Change.Verdict.NOISE;
    return new Change(name, unit, target, om, nm, pct, v);
  }

  private static double percent(double oldV, double newV) {
    return oldV == 0 ? (newV == 0 ? 0 : Double.POSITIVE_INFINITY) : (newV - oldV) / oldV * 100;
  }

  private static Change.Verdict direction(double pct, boolean higherIsBetter) {
    return (pct > 0) == higherIsBetter ? Change.Verdict.BETTER : Change.Verdict.WORSE;
  }
}
