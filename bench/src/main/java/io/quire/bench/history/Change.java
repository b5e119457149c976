package io.quire.bench.history;

/**
 * How one figure of one target moved between two results.
 *
 * @param figure figure name
 * @param unit its unit
 * @param target "quire", "hdfs", or {@link #RATIO} for quire/hdfs
 * @param oldMedian median in the old result (NaN when absent)
 * @param newMedian median in the new result (NaN when absent)
 * @param percent (new - old) / old * 100 (NaN when either is absent)
 * @param verdict what the change means, given the runs' spread and the figure's direction
 */
public record Change(String figure, String unit, String target, double oldMedian,
    double newMedian, double percent, Verdict verdict) {
  public static final String RATIO = "quire/hdfs";

  /** What a change means. */
  public enum Verdict {
    /** Better, beyond the noise. */
    BETTER,
    /** Worse, beyond the noise: a regression. */
    WORSE,
    /** Within the runs' spread (or below the threshold). */
    NOISE,
    /** Only in the old result. */
    REMOVED,
    /** Only in the new result. */
    ADDED
  }
}
