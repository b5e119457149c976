package io.quire.namenode.rpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Client calls of the last {@link #WINDOW_SECONDS} seconds by method, for the web UI's "top
 * operations of the last minute" (as HDFS's nntop): one bucket per second in a ring, a bucket
 * cleared when its second comes round again. Thread-safe; record is a short synchronized map
 * update.
 */
public final class RecentCalls {
  public static final int WINDOW_SECONDS = 60;

  /** One method and its calls in the window. */
  public record Count(String op, long count) { }

  private final LongSupplier clock;
  private final long[] bucketSecond = new long[WINDOW_SECONDS];
  private final List<Map<String, Long>> buckets = new ArrayList<>(WINDOW_SECONDS);

  public RecentCalls(LongSupplier clockMillis) {
    this.clock = clockMillis;
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      buckets.add(new HashMap<>());
      bucketSecond[i] = -1;
    }
  }

  public synchronized void record(String method) {
    long second = clock.getAsLong() / 1000;
    int i = (int) (second % WINDOW_SECONDS);
    if (bucketSecond[i] != second) {
      bucketSecond[i] = second;
      buckets.get(i).clear();
    }
    buckets.get(i).merge(method, 1L, Long::sum);
  }

  /** The {@code n} most called methods of the window, most calls first (ties by name). */
  public synchronized List<Count> top(int n) {
    long now = clock.getAsLong() / 1000;
    Map<String, Long> sum = new HashMap<>();
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      if (bucketSecond[i] > now - WINDOW_SECONDS) {
        buckets.get(i).forEach((k, v) -> sum.merge(k, v, Long::sum));
      }
    }
    return sum.entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::op))
        .limit(n)
        .toList();
  }
}
