package io.quire.it.fuzz;

import static org.awaitility.Awaitility.await;

import io.quire.testing.Timing;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The resources a fuzz batch must give back. Measured once as a baseline (after the daemons
 * have served a warm-up), then after every batch: the JVM's live threads (within
 * {@code threadSlack}: pools keep idle threads for a while), the live threads whose name starts
 * with each tracked prefix (per-connection threads such as PacketResponder: exactly the
 * baseline), and the used heap after System.gc() (within {@code heapSlack}). The daemons run in
 * this JVM, so these are theirs plus the test's. Waits with Awaitility for the return, because
 * a daemon closes a connection slightly after the peer saw it closed.
 */
final class DaemonHealth {
  private final String[] trackedPrefixes;
  private final int threadSlack;
  private final long heapSlack;
  private int baseThreads;
  private Map<String, Integer> basePrefixed;
  private long baseHeap;

  DaemonHealth(int threadSlack, long heapSlack, String... trackedPrefixes) {
    this.threadSlack = threadSlack;
    this.heapSlack = heapSlack;
    this.trackedPrefixes = trackedPrefixes;
  }

  /** Records the baseline (call when the daemons are idle). */
  void captureBaseline() {
    baseThreads = liveThreads();
    basePrefixed = prefixed();
    baseHeap = usedHeapAfterGc();
  }

  /**
   * Waits until threads and heap are back to the baseline and every extra condition holds,
   * failing with the current counts (and the names of extra threads) when they do not in time.
   */
  void awaitBaseline(String after, Map<String, BooleanSupplier> conditions) {
    Duration limit = Timing.seconds(30);
    for (Map.Entry<String, BooleanSupplier> c : conditions.entrySet()) {
      await(c.getKey() + " after " + after).atMost(limit).pollInterval(Duration.ofMillis(50))
          .until(c.getValue()::getAsBoolean);
    }
    await("per-connection threads " + basePrefixed + " after " + after).atMost(limit)
        .pollInterval(Duration.ofMillis(50)).until(() -> prefixed().equals(basePrefixed));
    await("at most " + (baseThreads + threadSlack) + " live threads (baseline " + baseThreads
        + ") after " + after).atMost(limit).pollInterval(Duration.ofMillis(100))
        .until(() -> liveThreads() <= baseThreads + threadSlack);
    await("used heap within " + (heapSlack >> 20) + " MiB of the baseline "
        + (baseHeap >> 20) + " MiB after " + after).atMost(limit)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> usedHeapAfterGc() <= baseHeap + heapSlack);
  }

  private Map<String, Integer> prefixed() {
    Map<String, Integer> n = new TreeMap<>();
    for (String p : trackedPrefixes) {
      n.put(p, 0);
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!t.isAlive()) {
        continue;
      }
      for (String p : trackedPrefixes) {
        if (t.getName().startsWith(p)) {
          n.merge(p, 1, Integer::sum);
        }
      }
    }
    return n;
  }

  /** Live threads of the whole JVM. */
  static int liveThreads() {
    return Thread.getAllStackTraces().size();
  }

  static long usedHeapAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Override public String toString() {
    return "baseline: " + baseThreads + " threads, " + basePrefixed + ", heap "
        + (baseHeap >> 20) + " MiB";
  }
}
