package io.quire.bench.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured row of a benchmark: its runs per target ("quire", "hdfs"), in run order.
 *
 * @param name what was measured, unique within a result ("sequential write 256 MB")
 * @param unit "MB/s", "ops/s", "bytes/file", "ms"...
 * @param higherIsBetter true for rates, false for sizes and times
 * @param limit name of the {@link Limit} this figure is bounded by, or null
 * @param limitFactor how many units of the limit one unit of the figure uses (3 for a
 *     replication-3 write against the loopback copy rate; 2 for create+close, two synced
 *     RPCs): the figure's bound is the limit's value divided by this
 * @param runs target name to its values in run order
 */
public record Figure(String name, String unit, boolean higherIsBetter, String limit,
    double limitFactor, Map<String, List<Double>> runs) {
  public static final String QUIRE = "quire";
  public static final String HDFS = "hdfs";

  public Figure {
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    runs.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    runs = Collections.unmodifiableMap(copy);
  }

  public List<Double> runsOf(String target) {
    return runs.getOrDefault(target, List.of());
  }

  /** A figure with no limit. */
  public Figure(String name, String unit, boolean higherIsBetter,
      Map<String, List<Double>> runs) {
    this(name, unit, higherIsBetter, null, 1, runs);
  }

  /** The best this figure can be given its limit's measured value (NaN without one). */
  public double bound(Limit l) {
    return l == null ? Double.NaN : l.value() / limitFactor;
  }

  public double median(String target) {
    return Stats.median(runsOf(target));
  }

  /** quire median / hdfs median (NaN when either is missing), whatever the direction. */
  public double ratio() {
    return median(QUIRE) / median(HDFS);
  }

  /** True for units where more is better (rates), false for sizes and durations. */
  public static boolean higherIsBetter(String unit) {
    return unit.endsWith("/s");
  }
}
