package io.quire.bench;

import io.quire.bench.limits.FsyncLimit;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.util.StringUtils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Lets a cluster settle after a big delete, before rows that fsync a journal: the deleted
 * replicas' files gone from the DataNodes' directories and the bench directory's disk syncing
 * as fast as before. On a file system mounted with {@code discard} the DataNodes freeing a large
 * file make every fdatasync stall for a while; without this wait that stall lands in whichever
 * row runs next (create+close), and more on the system whose DataNodes delete sooner.
 *
 * <p>{@link #before} records the bytes of the regular files under the cluster's base directory
 * (its NameNode's and DataNodes' directories: measured on disk, the same way for every system,
 * as HDFS's NameNode learns of freed space only at the next heartbeats) and a short fdatasync
 * probe's rate ({@link FsyncLimit#syncRate}) in the bench directory. {@link #await} waits, up to
 * {@link #DEADLINE_MS}, until those bytes are back within {@link #SLACK} of that (journals grow
 * a little) and then until the probe reaches {@link #NEAR} of its baseline, and prints one line:
 * "settle &lt;name&gt;: replicas freed in X s, fdatasync N/s (baseline M/s) after Y s" (or
 * "gave up ..." at the deadline; the run goes on).
 */
final class Settle {
  static final long DEADLINE_MS = 120_000;
  static final long SLACK = 4L << 20;
  static final double NEAR = 0.5;
  private static final long PROBE_MS = 200;
  private static final long POLL_MS = 100;

  private final File base;
  private final File dir;
  private final long bytesBefore;
  private final double baselineSyncs;

  private Settle(File base, File dir, long bytesBefore, double baselineSyncs) {
    this.base = base;
    this.dir = dir;
    this.bytesBefore = bytesBefore;
    this.baselineSyncs = baselineSyncs;
  }

  /** Records the baseline of the cluster in {@code base}, idle, before the big write. */
  static Settle before(File base, File dir) throws Exception {
    return new Settle(base, dir, bytesUnder(base), FsyncLimit.syncRate(dir, PROBE_MS));
  }

  /** Waits as the class comment says; never fails the run, only reports. */
  void await(String name, PrintStream out) throws Exception {
    long start = System.nanoTime();
    long[] bytes = {bytesUnder(base)};
    boolean freed = waitUntil(start, () -> (bytes[0] = bytesUnder(base)) <= bytesBefore + SLACK);
    double freedSec = (System.nanoTime() - start) / 1e9;
    if (!freed) {
      out.printf("settle %s: gave up after %.1f s, %s on disk (%s before the write)%n",
          name, freedSec, StringUtils.byteDesc(bytes[0]), StringUtils.byteDesc(bytesBefore));
      return;
    }
    double[] syncs = {0};
    boolean fast = waitUntil(start,
        () -> (syncs[0] = FsyncLimit.syncRate(dir, PROBE_MS)) >= NEAR * baselineSyncs);
    double totalSec = (System.nanoTime() - start) / 1e9;
    out.printf("settle %s: replicas freed in %.1f s, fdatasync %.0f/s (baseline %.0f/s) %s"
        + " %.1f s%n", name, freedSec, syncs[0], baselineSyncs,
        fast ? "after" : "still slow, gave up after", totalSec);
  }

  /** Polls {@code done} until it holds or {@link #DEADLINE_MS} after {@code start} passed. */
  private static boolean waitUntil(long start, Callable<Boolean> done) {
    long left = DEADLINE_MS - (System.nanoTime() - start) / 1_000_000L;
    try {
      Awaitility.await().atMost(Duration.ofMillis(Math.max(left, 1)))
          .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(POLL_MS)).until(done);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** Bytes of the regular files under {@code base}; files deleted while walking count 0. */
  static long bytesUnder(File base) throws IOException {
    try (Stream<Path> files = Files.walk(base.toPath())) {
      return files.mapToLong(Settle::sizeOf).sum();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return bytesUnder(base); // a directory vanished mid-walk: walk again
      }
      throw e.getCause();
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.size(p) : 0;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
