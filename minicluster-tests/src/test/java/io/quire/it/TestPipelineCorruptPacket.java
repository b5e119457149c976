package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.DataNodeFaultInjector;
import io.quire.datanode.DataNodeFaultInjector.PacketData;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.minicluster.Timing;
import io.quire.protocol.types.DatanodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
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
 * good one) leaves a replica that readers detect, read around and report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TestPipelineCorruptPacket {
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

  private List<DatanodeInfo> pipelineOf(String path) throws IOException {
    return cluster.getClientProtocol().getBlockLocations(path, 0, Long.MAX_VALUE).getBlocks()
        .get(0).getLocations();
  }

  /** Writes HEAD bytes, hflushes, installs {@code point} on pipeline node {@code position}. */
  private AtomicBoolean writeWithFault(String name, byte[] data, int position,
      DataNodeFaultInjector.Point point) throws IOException {
    FileSystem fs = cluster.getFileSystem();
    AtomicBoolean fired = new AtomicBoolean();
    try (FSDataOutputStream out = fs.create(new Path(name))) {
      out.write(data, 0, HEAD);
      out.hflush();
      List<DatanodeInfo> pipeline = pipelineOf(name);
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
    TestData.assertFileContent(cluster.getFileSystem(), new Path(name), data);
    LocatedBlock lb = cluster.getClientProtocol().getBlockLocations(name, 0, data.length)
        .getBlocks().get(0);
    assertFalse(lb.getLocations().isEmpty());
    for (DatanodeInfo d : lb.getLocations()) {
      DataNode dn = cluster.getDataNode(cluster.indexOfDataNode(d.getUuid()));
      assertArrayEquals(data, Files.readAllBytes(dn.getBlockFile(lb.getBlock().getBlockId())
          .toPath()), "replica on " + d.getDataAddress());
    }
  }

  @Test
  void corruptCopyOnTheMiddleNodeIsCaughtOnRead() throws Exception {
    String name = "/corrupt-packet/middle.bin";
    byte[] data = TestData.random(HEAD + 700_000, 22);
    writeWithFault(name, data, 1, DataNodeFaultInjector.Point.BEFORE_PACKET_WRITE);
    Path p = new Path(name);
    await("all three replicas reported").atMost(Timing.seconds(30))
        .until(() -> pipelineOf(name).size() == 3); // nothing noticed the middle copy
    List<DatanodeInfo> written = pipelineOf(name);
    LocatedBlock lb = cluster.getClientProtocol().getBlockLocations(name, 0, data.length)
        .getBlocks().get(0);
    String bad = null;
    for (DatanodeInfo d : written) {
      DataNode dn = cluster.getDataNode(cluster.indexOfDataNode(d.getUuid()));
      byte[] onDisk = Files.readAllBytes(dn.getBlockFile(lb.getBlock().getBlockId()).toPath());
      if (!java.util.Arrays.equals(data, onDisk)) {
        assertEquals(null, bad, "one corrupt replica");
        bad = d.getUuid();
      }
    }
    assertTrue(bad != null, "the middle node stored a corrupt copy");
    String badUuid = bad;
    // Readers pick among equally close replicas at random: read until one hit the bad copy.
    await("NameNode stops listing the corrupt replica").atMost(Timing.seconds(60))
        .pollInterval(Duration.ofMillis(10)).until(() -> {
          try (FileSystem fresh = FileSystem.newInstance(cluster.getURI(),
              cluster.getConfiguration())) {
            TestData.assertFileContent(fresh, p, data);
          }
          return pipelineOf(name).stream().noneMatch(d -> d.getUuid().equals(badUuid));
        });
    TestData.assertFileContent(cluster.getFileSystem(), p, data);
  }
}
