package io.quire.datanode.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket's computed waits on a manual clock (no timing). */
class ScanThrottlerTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private void advanceMillis(long ms) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
  }

  @Test
  void aFullBucketCoversOneSecondOfReadsThenDebtIsPaidAtTheRate() {
    ScanThrottler t = new ScanThrottler(1000, now::get);
    assertEquals(0, t.reserve(1000));
    assertEquals(TimeUnit.MILLISECONDS.toNanos(500), t.reserve(500));
    advanceMillis(500);
    assertEquals(0, t.reserve(0));
    assertEquals(TimeUnit.SECONDS.toNanos(2), t.reserve(2000));
  }

  @Test
  void idleTimeAccruesAtMostOneSecondOfBurst() {
    ScanThrottler t = new ScanThrottler(1_048_576, now::get);
    assertEquals(0, t.reserve(1_048_576));
    advanceMillis(60_000);
    assertEquals(0, t.reserve(1_048_576));
    assertEquals(TimeUnit.SECONDS.toNanos(1), t.reserve(1_048_576));
  }

  @Test
  void sustainedReadsAverageTheConfiguredRate() {
    ScanThrottler t = new ScanThrottler(64 * 1024, now::get);
    long waited = 0;
    for (int i = 0; i < 100; i++) {
      long w = t.reserve(64 * 1024);
      waited += w;
      now.addAndGet(w);
    }
    // 100 reads of one second's worth, the first covered by the initial bucket
    assertEquals(TimeUnit.SECONDS.toNanos(99), waited, TimeUnit.MILLISECONDS.toNanos(1));
  }

  @Test
  void rateMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new ScanThrottler(0));
  }
}
