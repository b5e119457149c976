package io.quire.bench;

/**
 * What one client saw of an event (a failover), from the times of its successful operations:
 * pure bookkeeping, no clock and no threads of its own (callers pass System.nanoTime values and
 * synchronize).
 *
 * <p>The event runs from {@link #begin} to {@link #end}. The client's pause is the longest gap
 * between two consecutive successes that overlaps the event: the previous success came before
 * the event ended and the next one after it began. So it includes the operation in flight when
 * the event began and the first one that succeeded after it ended.
 */
final class PauseTracker {
  /**
   * One client's view of one event.
   *
   * @param longestGapNanos longest gap between consecutive successes overlapping the event
   * @param firstOkNanos System.nanoTime of the first success after the event began
   * @param failures operations whose exception reached the caller since the event began
   */
  record Seen(long longestGapNanos, long firstOkNanos, long failures) {}

  private long lastOk;
  private long eventStart = Long.MAX_VALUE;
  private long eventEnd = Long.MAX_VALUE;
  private long longestGap;
  private long firstOkAfterStart;
  private long firstOkAfterEnd;
  private long failures;

  /** {@code startNanos}: when the client started (the first gap counts from there). */
  PauseTracker(long startNanos) {
    lastOk = startNanos;
  }

  /** An operation succeeded at {@code now}. */
  void succeeded(long now) {
    if (now > eventStart && lastOk < eventEnd) {
      longestGap = Math.max(longestGap, now - lastOk);
    }
    if (now > eventStart && firstOkAfterStart == 0) {
      firstOkAfterStart = now;
    }
    if (now > eventEnd && firstOkAfterEnd == 0) {
      firstOkAfterEnd = now;
    }
    lastOk = now;
  }

  /** An operation failed (its exception reached the caller). */
  void failed() {
    failures++;
  }

  /** A new event begins at {@code nanos}; what was seen of the previous one is forgotten. */
  void begin(long nanos) {
    eventStart = nanos;
    eventEnd = Long.MAX_VALUE;
    longestGap = 0;
    firstOkAfterStart = 0;
    firstOkAfterEnd = 0;
    failures = 0;
  }

  /** The event ended at {@code nanos}. */
  void end(long nanos) {
    eventEnd = nanos;
  }

  /** Whether the client has succeeded since the event ended (so {@link #seen} is final). */
  boolean resumed() {
    return firstOkAfterEnd != 0;
  }

  Seen seen() {
    return new Seen(longestGap, firstOkAfterStart, failures);
  }
}
