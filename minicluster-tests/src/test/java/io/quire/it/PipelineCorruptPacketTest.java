package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.faults.DataNodeFaultInjector.PacketData;
import io.quire.datanode.scanner.BlockScanner;
import io.quire.minicluster.BlockLocations;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Corrupt packets in a client's write pipeline, where only the last DataNode verifies CRCs:
 * corruption on the way into the first node is caught by the last one and the packet resent,
 * so every replica ends good; a middle node that stores a corrupt copy (while forwarding a
 * good one) leaves a replica that readers read around and its block scanner reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PipelineCorruptPacketTest {
  private static final int HEAD = 256 * 1024;
  private MiniQuireCluster cluster;

  @BeforeAll
  void start() throws Exception {
    cluster = MiniQuireCluster.builder(new Configuration()).numDataNodes(3).build();
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @AfterEach
  void clearFaults() {
    for (int i = 0; i < cluster.getNumDataNodes(); i++) {
      DataNode dn = cluster.getDataNode(i);
      if (dn != null) {
        dn.getFaultInjector().clearAll();
      }
    }
  }

  /** Flips a byte of the first data packet that reaches the action, once. */
  private static DataNodeFaultInjector.Action corruptOnce(AtomicBoolean fired) {
    return ctx -> {
      PacketData p = (PacketData) ctx;
      if (fired.compareAndSet(false, true)) {
        p.data().put(7, (byte) (p.data().get(7) ^ 0xff));
      }
    };
  }

  /** Writes HEAD bytes, hflushes, installs {@code point} on pipeline node {@code position}. */
  private AtomicBoolean writeWithFault(String name, byte[] data, int position,
      DataNodeFaultInjector.Point point) throws IOException {
    FileSystem fs = cluster.getFileSystem();
    AtomicBoolean fired = new AtomicBoolean();
    try (FSDataOutputStream out = fs.create(new Path(name))) {
      out.write(data, 0, HEAD);
      out.hflush();
      List<DataNodeInfo> pipeline = BlockLocations.first(cluster, name).getLocations();
      assertEquals(3, pipeline.size(), pipeline.toString());
      DataNode dn = cluster.getDataNode(cluster.indexOfDataNode(pipeline.get(position).getUuid()));
      dn.getFaultInjector().set(point, corruptOnce(fired));
      out.write(data, HEAD, data.length - HEAD);
    }
    assertTrue(fired.get(), "a packet was corrupted");
    return fired;
  }

  @Test
  void corruptPacketIntoTheFirstNodeIsResentAndEveryReplicaIsGood() throws Exception {
    String name = "/corrupt-packet/first.bin";
    byte[] data = TestData.random(HEAD + 700_000, 21);
    writeWithFault(name, data, 0, DataNodeFaultInjector.Point.PACKET_RECEIVED);
    FileContents.assertFileContent(cluster.getFileSystem(), new Path(name), data);
    LocatedBlock lb = cluster.getClientProtocol().getBlockLocations(name, 0, data.length)
        .getBlocks().get(0);
    assertFalse(lb.getLocations().isEmpty());
    for (DataNodeInfo d : lb.getLocations()) {
      DataNode dn = cluster.getDataNode(cluster.indexOfDataNode(d.getUuid()));
      assertArrayEquals(data, Files.readAllBytes(dn.getBlockFile(lb.getBlock().getBlockId())
          .toPath()), "replica on " + d.getDataAddress());
    }
  }

  /**
   * Nothing notices the middle node's corrupt copy while writing (the last node verified a
   * good one): readers still get the right bytes, and the middle node's block scanner finds
   * the copy and reports it, so the NameNode stops listing it.
   */
  @Test
  void corruptCopyOnTheMiddleNodeIsReadAroundAndCaughtByTheScanner() throws Exception {
    String name = "/corrupt-packet/middle.bin";
    byte[] data = TestData.random(HEAD + 700_000, 22);
    writeWithFault(name, data, 1, DataNodeFaultInjector.Point.BEFORE_PACKET_WRITE);
    Path p = new Path(name);
    await("all three replicas reported").atMost(Timing.seconds(30))
        .until(() -> BlockLocations.first(cluster, name).getLocations().size() == 3);
    LocatedBlock lb = cluster.getClientProtocol().getBlockLocations(name, 0, data.length)
        .getBlocks().get(0);
    DataNode bad = null;
    for (DataNodeInfo d : lb.getLocations()) {
      DataNode dn = cluster.getDataNode(cluster.indexOfDataNode(d.getUuid()));
      byte[] onDisk = Files.readAllBytes(dn.getBlockFile(lb.getBlock().getBlockId()).toPath());
      if (!Arrays.equals(data, onDisk)) {
        assertEquals(null, bad, "one corrupt replica");
        bad = dn;
      }
    }
    assertTrue(bad != null, "the middle node stored a corrupt copy");
    for (int i = 0; i < 5; i++) {
      try (FileSystem fresh = FileSystem.newInstance(cluster.getURI(),
          cluster.getConfiguration())) {
        FileContents.assertFileContent(fresh, p, data);
      }
    }
    BlockScanner scanner = bad.getBlockScanner();
    assertTrue(scanner.awaitScan(scanner.triggerScanNow(), Timing.seconds(60).toMillis()),
        "scan finished");
    String badUuid = bad.getDataNodeUuid();
    await("NameNode stops listing the corrupt replica").atMost(Timing.seconds(60))
        .until(() -> BlockLocations.first(cluster, name).getLocations().stream()
            .noneMatch(d -> d.getUuid().equals(badUuid)));
    FileContents.assertFileContent(cluster.getFileSystem(), p, data);
  }
}
