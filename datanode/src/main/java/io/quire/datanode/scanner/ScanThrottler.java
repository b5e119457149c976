package io.quire.datanode.scanner;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket limiting the block scanner's reads to {@code bytesPerSecond}: tokens (bytes)
 * accrue at that rate up to a burst of one second's worth; a read takes its bytes from the
 * bucket and, if that leaves it in debt, waits until the debt is paid. Not thread-safe (one per
 * scanner thread). The wait is computed by {@link #reserve} so tests can check it without
 * timing anything.
 */
public final class ScanThrottler {
  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final long bytesPerSecond;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  /** A throttler on the system's monotonic clock. */
  public ScanThrottler(long bytesPerSecond) {
    this(bytesPerSecond, System::nanoTime);
  }

  /** A throttler on {@code nanoClock} (tests pass a manual clock). Starts with a full bucket. */
  public ScanThrottler(long bytesPerSecond, LongSupplier nanoClock) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("scan rate must be positive: " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
    this.nanoClock = nanoClock;
    this.tokens = bytesPerSecond;
    this.lastRefill = nanoClock.getAsLong();
  }

  public long getBytesPerSecond() { return bytesPerSecond; }

  /**
   * Takes {@code bytes} from the bucket and returns how many nanoseconds the caller must wait
   * before using them (0 when the bucket covered them).
   */
  public long reserve(long bytes) {
    long now = nanoClock.getAsLong();
    double accrued = (double) (now - lastRefill) * bytesPerSecond / NANOS_PER_SECOND;
    tokens = Math.min(bytesPerSecond, tokens + Math.max(0, accrued));
    lastRefill = now;
    tokens -= bytes;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS_PER_SECOND / bytesPerSecond);
  }

  /**
   * Takes {@code bytes} and sleeps as long as {@link #reserve} says.
   *
   * @throws InterruptedException when the scanner is stopped while waiting
   */
  public void throttle(long bytes) throws InterruptedException {
    long waitNanos = reserve(bytes);
    if (waitNanos > 0) {
      TimeUnit.NANOSECONDS.sleep(waitNanos);
    }
  }
}
