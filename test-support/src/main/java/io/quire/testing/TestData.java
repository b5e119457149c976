package io.quire.testing;

import java.util.Random;

/** Deterministic test data: the same seed gives the same bytes in every run and on every JVM. */
public final class TestData {
  private TestData() {}

  /** {@code length} bytes of {@link Random} seeded with {@code seed}. */
  public static byte[] random(int length, long seed) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }
}
