package io.quire.it.fuzz;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The knobs of a fuzz run, read from system properties once:
 * <ul>
 *   <li>{@code quire.fuzz.seed}: the run's seed (default: a fresh random one, printed);
 *   set it to replay a failed run.</li>
 *   <li>{@code quire.fuzz.cases}: cases per port (default: the test's CI default).</li>
 *   <li>{@code quire.fuzz.case}: run only this case index of the seed's sequence (replays
 *   one failure alone).</li>
 * </ul>
 * Every case draws from its own {@link Random} derived from (seed, index), so a case is the
 * same whichever other cases run, in whatever order and concurrency.
 */
record FuzzSettings(long seed, int cases, int onlyCase) {
  static final String SEED_PROPERTY = "quire.fuzz.seed";
  static final String CASES_PROPERTY = "quire.fuzz.cases";
  static final String CASE_PROPERTY = "quire.fuzz.case";

  static FuzzSettings fromSystemProperties(int defaultCases) {
    String s = System.getProperty(SEED_PROPERTY, "").trim();
    long seed = s.isEmpty() ? new SecureRandom().nextLong() : Long.parseLong(s);
    String n = System.getProperty(CASES_PROPERTY, "").trim();
    String one = System.getProperty(CASE_PROPERTY, "").trim();
    return new FuzzSettings(seed, n.isEmpty() ? defaultCases : Integer.parseInt(n),
        one.isEmpty() ? -1 : Integer.parseInt(one));
  }

  /** Whether case {@code index} runs in this run. */
  boolean runs(int index) {
    return onlyCase < 0 || onlyCase == index;
  }

  /** The generator of case {@code index}. */
  Random caseRandom(int index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  /** The system properties that replay case {@code index} alone. */
  String replay(int index) {
    return "-D" + SEED_PROPERTY + "=" + seed + " -D" + CASE_PROPERTY + "=" + index;
  }

  @Override public String toString() {
    return "seed " + seed + " (replay: -D" + SEED_PROPERTY + "=" + seed + "), " + cases
        + " cases" + (onlyCase < 0 ? "" : ", only case " + onlyCase);
  }
}
