package io.quire.jobs.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Samples an index in proportion to fixed weights (cumulative table, binary search). */
final class WeightedSampler {
  private final double[] cumulative;

  WeightedSampler(double[] weights) {
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0) {
        throw new IllegalArgumentException("negative weight at " + i);
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights sum to zero");
    }
  }

  /**
   * Weights 1/(rank+1+q)^s: a Zipf-Mandelbrot law over {@code n} ranks (q flattens the head so
   * the best seller is a few percent of sales, not a fifth).
   */
  static WeightedSampler zipf(int n, double s, double q) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 1.0 / Math.pow(i + 1 + q, s);
    }
    return new WeightedSampler(w);
  }

  int size() {
    return cumulative.length;
  }

  int sample(SplittableRandom rnd) {
    double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, u);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, cumulative.length - 1);
  }
}
