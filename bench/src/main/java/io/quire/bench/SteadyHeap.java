package io.quire.bench;

import java.util.List;
import java.util.Optional;

/**
 * Steady-state live heap of one JVM, from heap probes (each after a full GC) taken after the
 * warm-up: the minimum of the first {@link #WINDOW} probes against the minimum of the last
 * {@code WINDOW} (fewer when there are fewer than {@code 2 * WINDOW} probes, at least one each).
 * A probe counts whatever was in flight at that instant (packet buffers, a transfer's objects)
 * as live; the minimum of a window is the figure without it. A bounded cache still filling
 * flattens from one window to the next; a leak raises the minimum in proportion to the time.
 *
 * @param early minimum of the first window, bytes
 * @param late minimum of the last window, bytes
 * @param seconds time from the first probe of the first window to the last probe
 */
record SteadyHeap(long early, long late, double seconds) {
  static final int WINDOW = 3;

  /** One probe: when (seconds since the load started) and the live bytes. */
  record Sample(double atSeconds, long bytes) {}

  /** Empty with fewer than two samples (in time order). */
  static Optional<SteadyHeap> of(List<Sample> samples) {
    int n = samples.size();
    if (n < 2) {
      return Optional.empty();
    }
    int w = Math.max(1, Math.min(WINDOW, n / 2));
    return Optional.of(new SteadyHeap(min(samples.subList(0, w)), min(samples.subList(n - w, n)),
        samples.get(n - 1).atSeconds() - samples.get(0).atSeconds()));
  }

  private static long min(List<Sample> s) {
    return s.stream().mapToLong(Sample::bytes).min().orElseThrow();
  }

  long change() {
    return late - early;
  }

  /** Change per hour of the run, bytes (0 when no time passed). */
  double changePerHour() {
    return seconds <= 0 ? 0 : change() * 3600.0 / seconds;
  }
}
