package io.quire.testing;

import java.time.Duration;

/**
 * Every wait of the tests and the mini cluster, scaled by one system property,
 * {@value #SCALE_PROPERTY} (default 1; the build passes {@code -Dquire.test.timeout.scale} to
 * the test JVMs), so a slow machine raises them all in one place. A wait is an upper bound to
 * poll against (Awaitility's {@code atMost}), never a time to sleep.
 */
public final class Timing {
  /** System property holding the scale factor, a positive number. */
  public static final String SCALE_PROPERTY = "quire.test.timeout.scale";

  private Timing() {}

  /** The scale factor; a value that is not a positive number is refused. */
  public static double scale() {
    String s = System.getProperty(SCALE_PROPERTY, "1");
    double d;
    try {
      d = Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      d = -1;
    }
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(SCALE_PROPERTY + "=" + s
          + " is not a positive number; set e.g. -D" + SCALE_PROPERTY + "=2 on a slow machine");
    }
    return d;
  }

  /** {@code d} times the scale factor. */
  public static Duration scaled(Duration d) {
    return Duration.ofMillis(Math.round(d.toMillis() * scale()));
  }

  /** {@code s} seconds times the scale factor. */
  public static Duration seconds(long s) {
    return scaled(Duration.ofSeconds(s));
  }
}
