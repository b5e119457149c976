package io.quire.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The two failover measurements of the HA benchmark, with {@link ClientLoop}s creating empty
 * files on the nameservice throughout.
 */
final class HaWorkloads {
  /** Successful operations every client makes before a failover (and between two). */
  static final int SETTLE_OPS = 100;
  static final long TIMEOUT_MS = 120_000;

  /**
   * One failover as the clients saw it (clock from the start of the failover command, or from
   * just before the active was lost).
   *
   * @param pauseMs longest gap between two successes of a client overlapping the failover,
   *     the largest over the clients
   * @param commandMs until a NameNode was active again: the failover command's time; for a
   *     lost active, until another NameNode said it was active (Quire: polled every 20 ms)
   * @param firstResumedMs until the first success of any client after the failover began
   * @param allResumedMs until every client had succeeded again
   * @param failures client operations that failed (their exception reached the caller)
   */
  record Failover(double pauseMs, double commandMs, double firstResumedMs, double allResumedMs,
      long failures) {
    @Override public String toString() {
      return String.format("pause %.0f ms, active after %.0f ms, first client ok after %.0f ms,"
          + " all after %.0f ms, %d failed ops", pauseMs, commandMs, firstResumedMs,
          allResumedMs, failures);
    }
  }

  private HaWorkloads() {}

  /** {@code failovers} planned failovers back and forth, the clients running throughout. */
  static List<Failover> plannedFailovers(HaCluster c, int clients, int failovers)
      throws Exception {
    List<ClientLoop> loops = startClients(c, clients, "/ha/planned");
    try {
      List<Failover> result = new ArrayList<>();
      for (int i = 0; i < failovers; i++) {
        awaitOps(loops, SETTLE_OPS);
        long start = System.nanoTime();
        loops.forEach(l -> l.begin(start));
        c.plannedFailover();
        long end = System.nanoTime();
        loops.forEach(l -> l.end(end));
        result.add(seen(loops, start, end - start));
      }
      return result;
    } finally {
      close(loops);
    }
  }

  /**
   * The active NameNode lost ({@link HaCluster#crashActive}), the clients running throughout;
   * the clock runs from just before the loss. Operations that completed before the loss was
   * over (the process dead) do not count as resumed.
   */
  static Failover loseActive(HaCluster c, int clients) throws Exception {
    List<ClientLoop> loops = startClients(c, clients, "/ha/lost");
    try {
      awaitOps(loops, SETTLE_OPS);
      long start = System.nanoTime();
      c.crashActive();
      long gone = System.nanoTime();
      loops.forEach(l -> {
        l.begin(gone);
        l.end(gone);
      });
      c.awaitTakeover();
      long activeAgain = System.nanoTime();
      return seen(loops, start, activeAgain - start);
    } finally {
      close(loops);
    }
  }

  private static Failover seen(List<ClientLoop> loops, long start, long commandNanos)
      throws InterruptedException {
    long gap = 0;
    long first = Long.MAX_VALUE;
    long all = 0;
    long failures = 0;
    for (ClientLoop l : loops) {
      PauseTracker.Seen s = l.awaitResumed(TIMEOUT_MS);
      gap = Math.max(gap, s.longestGapNanos());
      first = Math.min(first, s.firstOkNanos() - start);
      all = Math.max(all, s.firstOkNanos() - start);
      failures += s.failures();
    }
    return new Failover(gap / 1e6, commandNanos / 1e6, first / 1e6, all / 1e6, failures);
  }

  private static List<ClientLoop> startClients(HaCluster c, int clients, String root)
      throws IOException {
    List<ClientLoop> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      ClientLoop l = new ClientLoop(c.newClient(), new Path(root + "/c" + i),
          c.name() + "-client-" + i);
      loops.add(l);
      l.start();
    }
    return loops;
  }

  private static void awaitOps(List<ClientLoop> loops, int ops) throws InterruptedException {
    for (ClientLoop l : loops) {
      l.awaitOps(ops, TIMEOUT_MS);
    }
  }

  private static void close(List<ClientLoop> loops) throws IOException {
    for (ClientLoop l : loops) {
      l.close();
    }
  }
}
