package io.quire.it.faults;

import static io.quire.it.faults.FaultChecks.assertNothingAcknowledgedLost;
import static io.quire.it.faults.FaultChecks.finish;
import static io.quire.testing.TestData.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.faults.DataNodeFaultInjector.Point;
import io.quire.minicluster.BlockLocations;
import io.quire.minicluster.CrashTestCluster;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A DataNode's volume misbehaving under a write: full (every data write throws the IOException
 * a full disk gives, "No space left on device") or slow (every data write delayed). Injected
 * at {@link Point#BEFORE_VOLUME_WRITE}, so these DataNodes run in this JVM (the fault injector
 * is per DataNode object, not reachable in a forked one). 4 DataNodes, replication 3, 1 MB
 * blocks, short data-transfer timeouts (DataNode read 3 s, client 5 s, writes 1 s + 0.5 s per
 * downstream node) so a hang shows fast. Each write must complete or fail with an IOException,
 * never hang, and lose no acknowledged byte. One cluster for the class.
 */
@Timeout(300)
class VolumeFaultsTest {
  private static final int BLOCK = 1024 * 1024;
  private static CrashTestCluster fixture;
  private static MiniQuireCluster cluster;
  private static FileSystem fs;

  @BeforeAll
  static void start() throws Exception {
    fixture = CrashTestCluster.builder(VolumeFaultsTest.class).dataNodes(4, false)
        .blockSize(BLOCK).replication(3).transferTimeouts(3000, 5000).build();
    cluster = fixture.cluster();
    fs = cluster.getFileSystem();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** Clears the injected faults and starts any DataNode a test stopped. */
  @AfterEach
  void clearFaultsAndRestart() {
    fixture.restoreDataNodes();
  }

  /**
   * (c) The volume of the first, middle or last node of a write's pipeline fills up mid-block:
   * the write moves to the other DataNodes (or fails cleanly), no block of it ends up on the
   * full node, and the full node stays up and serves a replica it held before, as the only
   * DataNode left.
   */
  @ParameterizedTest(name = "pipeline node {0}")
  @ValueSource(ints = {0, 1, 2})
  void fullVolume(int position) throws Exception {
    Path before = new Path("/volume/before-full-" + position + ".bin");
    byte[] old = random(BLOCK + 999, 3 + position);
    try (FSDataOutputStream out = fs.create(before, true, 4096, (short) 4, BLOCK)) {
      out.write(old);
    }
    String name = "/volume/while-full-" + position + ".bin";
    Path p = new Path(name);
    byte[] data = random(3 * BLOCK + 5555, 20 + position);
    int acked = BLOCK / 2;
    FSDataOutputStream out = fs.create(p);
    out.write(data, 0, acked);
    out.hflush();
    List<DataNodeInfo> pipeline = BlockLocations.last(cluster, name).getLocations();
    assertEquals(3, pipeline.size(), pipeline.toString());
    int full = cluster.indexOfDataNode(pipeline.get(position).getUuid());
    DataNode fullNode = cluster.getDataNode(full);
    AtomicInteger refused = new AtomicInteger();
    fullNode.getFaultInjector().set(Point.BEFORE_VOLUME_WRITE, replica -> {
      refused.incrementAndGet();
      throw new IOException("No space left on device");
    });
    FaultChecks.Outcome o = finish(out, data, acked);
    assertNothingAcknowledgedLost(fs, p, data, o, acked);
    assertTrue(refused.get() > 0, "the full DataNode refused a write");
    if (o.completed()) {
      for (LocatedBlock b : BlockLocations.all(cluster, name)) {
        assertFalse(b.getLocations().stream()
                .anyMatch(d -> d.getUuid().equals(fullNode.getDataNodeUuid())),
            "a block of " + name + " is on the full DataNode: " + b);
      }
    }

    // the full DataNode is still up and live, and serves what it held, alone
    String fullUuid = fullNode.getDataNodeUuid();
    assertTrue(cluster.getClientProtocol().getDataNodeReport().stream().anyMatch(
        d -> d.getUuid().equals(fullUuid) && d.getState() == DataNodeInfo.State.LIVE),
        "the full DataNode is live at the NameNode");
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      if (i != full) {
        cluster.stopDataNode(i);
      }
    }
    assertNotNull(cluster.getDataNode(full));
    FaultChecks.assertPrefix(fs, before, old, old.length);
  }

  /**
   * (c') Every DataNode's volume fills up mid-block: nowhere is left to write, so the write
   * fails with an IOException (no hang), and what hflush acknowledged before still reads back.
   */
  @Test
  void allVolumesFull() throws Exception {
    String name = "/volume/all-full.bin";
    Path p = new Path(name);
    byte[] data = random(2 * BLOCK + 77, 30);
    int acked = BLOCK / 2 + 100;
    FSDataOutputStream out = fs.create(p);
    out.write(data, 0, acked);
    out.hflush();
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      cluster.getDataNode(i).getFaultInjector().set(Point.BEFORE_VOLUME_WRITE, replica -> {
        throw new IOException("No space left on device");
      });
    }
    FaultChecks.Outcome o = finish(out, data, acked);
    assertFalse(o.completed(), "a write with every volume full completed");
    assertNothingAcknowledgedLost(fs, p, data, o, acked);
  }

  /**
   * (d) DataNode 1's disk takes 100 ms for every packet's write, below the timeouts: two
   * concurrent writes with replication 4 (so the slow node is in both pipelines) complete,
   * slower, and read back intact, and the slow node stays live. Whether it kept its replicas
   * is not asserted (that would make a scheduling hiccup on a loaded machine fail the test).
   */
  @Test
  void slowDisk() throws Exception {
    int slow = 1;
    AtomicInteger delayed = new AtomicInteger();
    cluster.getDataNode(slow).getFaultInjector().set(Point.BEFORE_VOLUME_WRITE, replica -> {
      delayed.incrementAndGet();
      try {
        TimeUnit.MILLISECONDS.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted in an injected slow disk write", e);
      }
    });
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      List<Future<FaultChecks.Outcome>> outcomes = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        Path p = new Path("/volume/slow-" + w + ".bin");
        byte[] data = random(BLOCK + BLOCK / 2, 10 + w);
        contents.add(data);
        outcomes.add(writers.submit(() -> {
          FSDataOutputStream out = fs.create(p, true, 4096, (short) 4, BLOCK);
          return finish(out, data, 0);
        }));
      }
      for (int w = 0; w < 2; w++) {
        FaultChecks.Outcome o = outcomes.get(w).get();
        assertTrue(o.completed(), "a slow disk below the timeouts failed the write: "
            + o.failure());
        assertNothingAcknowledgedLost(fs, new Path("/volume/slow-" + w + ".bin"),
            contents.get(w), o, 0);
      }
    } finally {
      writers.shutdownNow();
    }
    assertTrue(delayed.get() > 0, "the slow DataNode was in the pipelines (replication 4)");
    String slowUuid = cluster.getDataNode(slow).getDataNodeUuid();
    assertEquals(1, cluster.getClientProtocol().getDataNodeReport().stream()
        .filter(d -> d.getUuid().equals(slowUuid) && d.getState() == DataNodeInfo.State.LIVE)
        .count(), "the slow DataNode is live");
  }
}
