package io.quire.bench;

import io.quire.bench.limits.FsyncLimit;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.StringUtils;

/**
 * Lets a cluster settle after a big delete, before rows that fsync a journal: the deleted
 * replicas' space freed on the DataNodes and the bench directory's disk syncing as fast as
 * before. On a file system mounted with {@code discard} the DataNodes freeing a large file
 * make every fdatasync stall for a while; without this wait that stall lands in whichever row
 * runs next (create+close), and more on the system whose DataNodes delete faster.
 *
 * <p>{@link #before} records the cluster's used space ({@link FileSystem#getStatus()}) and a
 * short fdatasync probe's rate ({@link FsyncLimit#syncRate}) in the bench directory;
 * {@link #await} waits, up to {@link #DEADLINE_MS}, until used space is back within
 * {@link #USED_SLACK} bytes of that and then until the probe reaches {@link #NEAR} of the
 * baseline, and prints one line: "settle &lt;name&gt;: replicas freed in X s, fdatasync N/s
 * (baseline M/s) after Y s" (or "gave up ..." at the deadline). The same for every system.
 */
final class Settle {
  static final long DEADLINE_MS = 120_000;
  static final long USED_SLACK = 4L << 20;
  static final double NEAR = 0.5;
  private static final long PROBE_MS = 200;
  private static final long POLL_MS = 200;

  private final File dir;
  private final long usedBefore;
  private final double baselineSyncs;

  private Settle(File dir, long usedBefore, double baselineSyncs) {
    this.dir = dir;
    this.usedBefore = usedBefore;
    this.baselineSyncs = baselineSyncs;
  }

  /** Records the baseline on an idle cluster, before the big write. */
  static Settle before(FileSystem fs, File dir) throws Exception {
    return new Settle(dir, fs.getStatus().getUsed(), FsyncLimit.syncRate(dir, PROBE_MS));
  }

  /** Waits as the class comment says; never fails the run, only reports. */
  void await(FileSystem fs, String name, PrintStream out) throws Exception {
    long start = System.nanoTime();
    long deadline = start + DEADLINE_MS * 1_000_000L;
    long used = fs.getStatus().getUsed();
    while (used > usedBefore + USED_SLACK && System.nanoTime() < deadline) {
      pause();
      used = fs.getStatus().getUsed();
    }
    double freedSec = (System.nanoTime() - start) / 1e9;
    if (used > usedBefore + USED_SLACK) {
      out.printf("settle %s: gave up after %.1f s, %s still used (%s before the write)%n",
          name, freedSec, StringUtils.byteDesc(used), StringUtils.byteDesc(usedBefore));
      return;
    }
    double syncs = FsyncLimit.syncRate(dir, PROBE_MS);
    while (syncs < NEAR * baselineSyncs && System.nanoTime() < deadline) {
      pause();
      syncs = FsyncLimit.syncRate(dir, PROBE_MS);
    }
    double totalSec = (System.nanoTime() - start) / 1e9;
    out.printf("settle %s: replicas freed in %.1f s, fdatasync %.0f/s (baseline %.0f/s) %s"
        + " %.1f s%n", name, freedSec, syncs, baselineSyncs,
        syncs < NEAR * baselineSyncs ? "still slow, gave up after" : "after", totalSec);
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("settle: interrupted");
    }
  }
}
