package io.quire.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The two health measurements, identical for Quire and HDFS: cluster start until the NameNode
 * leaves safe mode (polled over raw RPC every {@link #POLL_MS} ms from a second thread while
 * the cluster starts), and DataNode loss until every block again has 3 replicas none of which
 * is on the lost node (one located listing per directory per poll).
 */
final class HealthWorkloads {
  static final long POLL_MS = 10;
  static final Path BIG = new Path("/health/big");
  static final Path SMALL = new Path("/health/small");

  private HealthWorkloads() { }

  /** {@code blocks} blocks of {@code blockSize} (files of 10 blocks) and one-block files. */
  static void load(FileSystem fs, int blocks, long blockSize, int smallFiles) throws IOException {
    byte[] buf = new byte[(int) Math.min(blockSize, 1 << 20)];
    new Random(42).nextBytes(buf);
    int files = (blocks + 9) / 10;
    for (int f = 0; f < files; f++) {
      int n = Math.min(10, blocks - 10 * f);
      try (FSDataOutputStream out = fs.create(new Path(BIG, "f" + f), true)) {
        for (long left = n * blockSize; left > 0; left -= buf.length) {
          out.write(buf, 0, (int) Math.min(buf.length, left));
        }
      }
    }
    byte[] small = Arrays.copyOf(buf, 1024);
    for (int f = 0; f < smallFiles; f++) {
      try (FSDataOutputStream out = fs.create(new Path(SMALL, "s" + f), true)) {
        out.write(small);
      }
    }
  }

  /** Restarts the cluster; seconds from the start until the NameNode said safe mode is off. */
  static double restartToSafeModeOff(HealthCluster c) throws Exception {
    c.shutdown();
    AtomicLong offAt = new AtomicLong(-1);
    long t0 = System.nanoTime();
    Thread poller = new Thread(() -> {
      while (offAt.get() < 0 && !Thread.currentThread().isInterrupted()) {
        try {
          if (!c.inSafeMode()) {
            offAt.set(System.nanoTime());
            return;
          }
        } catch (IOException down) {
          // NameNode not listening yet.
        }
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "safemode-poller");
    poller.start();
    c.start();
    poller.join(120_000);
    poller.interrupt();
    if (offAt.get() < 0) {
      throw new IOException(c.name() + ": safe mode still on 120 s after start");
    }
    return (offAt.get() - t0) / 1e9;
  }

  /**
   * Stops DataNode 0; returns {seconds until the NameNode declared it dead, seconds until
   * every block was back at 3 replicas}.
   */
  static double[] lossToFullReplication(HealthCluster c, long timeoutMs) throws Exception {
    FileSystem fs = c.fileSystem();
    long t0 = System.nanoTime();
    String victim = c.stopDataNode(0);
    double dead = -1;
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (dead < 0 && c.deadDataNodes() > 0) {
        dead = (System.nanoTime() - t0) / 1e9;
      }
      if (dead >= 0 && fullyReplicated(fs, BIG, victim) && fullyReplicated(fs, SMALL, victim)) {
        return new double[] {dead, (System.nanoTime() - t0) / 1e9};
      }
      Thread.sleep(POLL_MS);
    }
    throw new IOException(c.name() + ": not fully replicated " + timeoutMs + " ms after loss");
  }

  private static boolean fullyReplicated(FileSystem fs, Path dir, String victim)
      throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listLocatedStatus(dir);
    while (it.hasNext()) {
      for (BlockLocation b : it.next().getBlockLocations()) {
        String[] names = b.getNames();
        if (names.length < 3 || Arrays.asList(names).contains(victim)) {
          return false;
        }
      }
    }
    return true;
  }
}
