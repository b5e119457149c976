package io.quire.bench.limits;

/** Runs a step repeatedly for a fixed wall time and returns the count per second. */
final class Timed {
  /** One unit of work; returns how many units (bytes, calls) it did. */
  interface Step {
    long run() throws Exception;
  }

  private Timed() {}

  /** Units per second of {@code step} repeated for {@code millis} (after one warm-up call). */
  static double rate(long millis, Step step) throws Exception {
    step.run();
    long units = 0;
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    long now;
    do {
      units += step.run();
      now = System.nanoTime();
    } while (now < end);
    return units / ((now - start) / 1e9);
  }
}
