package io.quire.bench;

import java.util.Arrays;

/**
 * Latencies of one kind of operation (nanoseconds), appended by one thread; merged and sorted
 * for percentiles at the end. Memory: 8 bytes an operation (a 10-minute soak makes a few
 * hundred thousand).
 */
final class Latencies {
  private long[] nanos = new long[1024];
  private int n;

  void add(long d) {
    if (n == nanos.length) {
      nanos = Arrays.copyOf(nanos, n * 2);
    }
    nanos[n++] = d;
  }

  int count() {
    return n;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.n; i++) {
      add(other.nanos[i]);
    }
  }

  /** The {@code p}-th percentile (0-100, nearest rank) in milliseconds; NaN when empty. */
  double percentileMs(double p) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] s = Arrays.copyOf(nanos, n);
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100 * n);
    return s[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
  }
}
