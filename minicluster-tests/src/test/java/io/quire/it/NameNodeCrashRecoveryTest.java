package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.client.ClientConfigKeys;
import io.quire.minicluster.CrashTestCluster;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.minicluster.NameDirFiles;
import io.quire.testing.Timing;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A NameNode in its own JVM is killed with SIGKILL while clients create, rename and delete; it
 * comes back with every acknowledged operation (an unacknowledged one may or may not be there),
 * through checkpoints and journal purges taken during the load and a torn journal tail.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NameNodeCrashRecoveryTest {
  private static final int THREADS = 4;

  @Test
  void acknowledgedOperationsSurviveSigkill() throws Exception {
    try (CrashTestCluster c = CrashTestCluster.builder(getClass()).forkedNameNode()
        .checkpointEvery(500).build()) {
      acknowledgedOperationsSurviveSigkill(c.cluster(), c.nameDir());
    }
  }

  private void acknowledgedOperationsSurviveSigkill(MiniQuireCluster cluster,
      NameDirFiles nameDir) throws Exception {
    Configuration client = new Configuration();
    // Fail fast once the NameNode is gone: the workload threads stop at their first failure.
    client.setInt(ClientConfigKeys.FAILOVER_MAX_ATTEMPTS_KEY, 1);
    client.setLong(ClientConfigKeys.FAILOVER_SLEEP_BASE_KEY, 50);
    client.setInt(ClientConfigKeys.IPC_CONNECT_RETRIES_KEY, 0);
    URI uri = cluster.getURI();
    AtomicIntegerArray acked = new AtomicIntegerArray(THREADS);
    AtomicBoolean go = new AtomicBoolean(true);
    List<Thread> workers = new ArrayList<>();

    FileSystem load = FileSystem.newInstance(uri, client);
    for (int t = 0; t < THREADS; t++) {
      final int id = t;
      NamespaceWorkload w = new NamespaceWorkload(new Path("/t" + t));
      Thread th = new Thread(() -> {
        for (int i = 0; go.get(); i++) {
          try {
            w.run(load, i);
            acked.set(id, i + 1);
          } catch (Exception e) {
            return; // the NameNode died under us: this operation was not acknowledged
          }
        }
      }, "workload-" + t);
      workers.add(th);
      th.start();
    }
    // Precondition: checkpoints (and journal purges) happened while the load ran.
    await("load and a checkpoint before the crash").atMost(Timing.seconds(120))
        .until(() -> sum(acked) >= 3000 && nameDir.checkpoints() >= 1);
    cluster.killNameNode(0);
    go.set(false);
    for (Thread th : workers) {
      th.join(Timing.seconds(120).toMillis());
      assertTrue(!th.isAlive(), th.getName() + " ended");
    }
    load.close();

    // Tear the tail: half a record after the last whole one of the segment being written.
    List<File> inProgress = nameDir.inProgressSegments();
    assertEquals(1, inProgress.size(),
        "one in-progress journal segment after the crash: " + inProgress);
    tearTail(inProgress.get(0));

    cluster.startNameNode(0);
    try (FileSystem fs = FileSystem.newInstance(uri, client)) {
      for (int t = 0; t < THREADS; t++) {
        Set<String> actual = new TreeSet<>();
        Path dir = new Path("/t" + t);
        if (fs.exists(dir)) {
          for (FileStatus st : fs.listStatus(dir)) {
            actual.add(st.getPath().getName());
          }
        }
        int n = acked.get(t);
        Set<String> before = NamespaceWorkload.modelAfter(n);
        Set<String> after = NamespaceWorkload.modelAfter(n + 1);
        assertTrue(actual.equals(before) || actual.equals(after),
            "/t" + t + " after " + n + " acknowledged operations: " + actual);
      }
      fs.mkdirs(new Path("/after-crash"));
      assertTrue(fs.getFileStatus(new Path("/after-crash")).isDirectory());
    }
  }

  /**
   * Writes the start of a sync (a chunk header for 40 bytes of records, a bad CRC, 3 bytes)
   * where the next sync would go, as a crash in the middle of a write leaves it. Walks the
   * segment by the format in io.quire.namenode.journal.SegmentFormat (version 2): a 16-byte
   * header, then chunks of {@code "QBAT", int recordsLength, int crc, long syncFirstTxId,
   * records}; anything else (zeros of the preallocated padding) or the end of the file ends them.
   */
  private static void tearTail(File segment) throws Exception {
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(segment, "rw")) {
      raf.seek(4);
      assertEquals(2, raf.readInt(), "segment format version");
      long off = 16;
      while (off + 20 <= raf.length()) {
        raf.seek(off);
        int magic = raf.readInt();
        int len = raf.readInt();
        if (magic != 0x51424154 || len <= 0 || off + 20 + len > raf.length()) {
          break;
        }
        off += 20 + len;
      }
      raf.seek(off);
      raf.writeInt(0x51424154);
      raf.writeInt(40);
      raf.writeInt(0xdeadbeef);
      raf.write(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3});
    }
  }

  private static int sum(AtomicIntegerArray a) {
    int s = 0;
    for (int i = 0; i < a.length(); i++) {
      s += a.get(i);
    }
    return s;
  }
}
