package io.quire.datanode.testutil;

import java.time.Duration;

/** Test waits, scaled by the build's {@code quire.test.timeout.scale} (slow machines). */
public final class Timeouts {
  private Timeouts() {}

  /** {@code seconds} times the scale factor. */
  public static Duration seconds(long seconds) {
    double scale = Double.parseDouble(System.getProperty("quire.test.timeout.scale", "1"));
    return Duration.ofMillis((long) (seconds * 1000 * Math.max(1.0, scale)));
  }
}
