package io.quire.minicluster;

import java.time.Duration;

/**
 * Timeouts for tests and the mini cluster, all scaled by one system property,
 * {@code quire.test.timeout.scale} (default 1), so a slow machine raises them in one place.
 */
public final class Timing {
  /** System property holding the scale factor. */
  public static final String SCALE_PROPERTY = "quire.test.timeout.scale";

  private Timing() {}

  public static double scale() {
    String s = System.getProperty(SCALE_PROPERTY, "1");
    try {
      double d = Double.parseDouble(s);
      return d > 0 ? d : 1;
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** {@code d} times the scale factor. */
  public static Duration scaled(Duration d) {
    return Duration.ofMillis(Math.round(d.toMillis() * scale()));
  }

  public static Duration seconds(long s) {
    return scaled(Duration.ofSeconds(s));
  }
}
