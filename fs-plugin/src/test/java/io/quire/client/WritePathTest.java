package io.quire.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.types.LocatedBlock;
import io.quire.testing.FakeCluster;
import io.quire.testing.FakeDataNode;
import io.quire.testing.FakeNameNode;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.statistics.StreamStatisticNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write path against an in-memory NameNode and in-test DataNodes. */
class WritePathTest {
  private static final int BLOCK = 128 * 1024;
  private FakeCluster cluster;
  private QuireClient client;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(3);
    client = new QuireClient(cluster.namenode,
        ClientOptions.builder().retryInitialDelayMs(1).build(), "test-client", null);
  }

  @AfterEach
  void tearDown() throws IOException {
    client.close();
    cluster.close();
  }

  /** Every replica of every block holds exactly the matching slice of {@code data}. */
  static void assertReplicas(FakeCluster c, String path, byte[] data, int expectedBlocks) {
    FakeNameNode.Node n = c.namenode.node(path);
    assertEquals(expectedBlocks, n.blocks.size(), "blocks of " + path);
    for (LocatedBlock lb : n.blocks) {
      byte[] want = Arrays.copyOfRange(data, (int) lb.getOffset(),
          (int) (lb.getOffset() + lb.getBlock().getNumBytes()));
      for (var loc : lb.getLocations()) {
        FakeDataNode dn = c.datanodes.stream()
            .filter(d -> d.info().getUuid().equals(loc.getUuid())).findFirst().orElseThrow();
        assertArrayEquals(want, dn.replica(lb.getBlock().getBlockId()),
            lb.getBlock() + " on " + loc);
      }
    }
    assertEquals(data.length, n.blocks.stream().mapToLong(b -> b.getBlock().getNumBytes()).sum());
  }

  @Test
  void writesFullPacketsAcrossBlocksAndCompletes() throws IOException {
    byte[] data = TestData.random(2 * BLOCK + 43_210, 1);
    QuireOutputStream stream;
    try (QuireOutputStream out = client.create("/f", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      stream = out;
      int off = 0;
      int step = 7;
      while (off < data.length) {
        int n = Math.min(step, data.length - off);
        out.write(data, off, n);
        off += n;
        step = step * 3 % 9973 + 1;
      }
      assertEquals(data.length,
          out.getIOStatistics().counters().get(StreamStatisticNames.STREAM_WRITE_BYTES));
    }

    assertReplicas(cluster, "/f", data, 3);
    assertEquals(3L, stream.getIOStatistics().counters()
        .get(StreamStatisticNames.STREAM_WRITE_BLOCK_UPLOADS));
    assertTrue(stream.getIOStatistics().counters()
        .get(QuireOutputStream.STREAM_WRITE_PACKETS) >= 5);
    assertEquals(1, cluster.namenode.calls("complete"));
    assertEquals(3, cluster.namenode.calls("addBlock"));
    for (FakeDataNode dn : cluster.datanodes) {
      assertTrue(dn.packetSizes().stream().allMatch(s -> s <= 64 * 1024));
      assertTrue(dn.packetSizes().stream().filter(s -> s == 64 * 1024).count() >= 4,
          "full 64 KiB packets: " + dn.packetSizes());
    }
    assertEquals(0, client.openOutputStreams());
  }

  @Test
  void hflushMakesLengthVisibleAndHsyncSyncs() throws IOException {
    byte[] data = TestData.random(3000, 2);
    QuireOutputStream out = client.create("/h", (short) 0644, false, true, (short) 3, BLOCK);
    assertTrue(out.hasCapability(StreamCapabilities.HFLUSH));
    assertTrue(out.hasCapability(StreamCapabilities.HSYNC));
    out.write(data, 0, 1000);
    out.hflush();
    FakeNameNode.Node n = cluster.namenode.node("/h");
    assertEquals(1000, n.fsyncLength);
    long blockId = n.blocks.get(0).getBlock().getBlockId();
    for (FakeDataNode dn : cluster.datanodes) {
      assertEquals(1000, dn.replica(blockId).length, "acked bytes on every node after hflush");
    }
    out.write(data, 1000, 1000);
    out.hsync();
    assertEquals(2000, n.fsyncLength);
    assertTrue(cluster.dn(2).syncPackets() >= 1);
    out.write(data, 2000, 1000);
    out.close();
    assertReplicas(cluster, "/h", data, 1);
    assertTrue(out.getIOStatistics().counters().get("op_hflush") >= 1);
  }

  @Test
  void retriesAddBlockAndCompleteWithBackOff() throws IOException {
    cluster.namenode.notReplicatedYet = 2;
    cluster.namenode.completeFalse = 2;
    byte[] data = TestData.random(BLOCK + 5000, 3);
    try (QuireOutputStream out = client.create("/r", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(data);
    }
    assertReplicas(cluster, "/r", data, 2);
    assertEquals(4, cluster.namenode.calls("addBlock"));
    assertEquals(3, cluster.namenode.calls("complete"));
  }

  @Test
  void pipelineRecoveryDropsTheFailedNodeAndResendsUnacked() throws IOException {
    cluster.dn(1).dieAfterPackets(1);
    byte[] data = TestData.random(BLOCK + 70_000, 4);
    try (QuireOutputStream out = client.create("/p", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(data);
    }
    assertTrue(cluster.dn(1).isDead());
    assertEquals(1, cluster.namenode.pipelineUpdates.size());
    List<?> survivors = cluster.namenode.pipelineUpdates.get(0);
    assertEquals(List.of(cluster.dn(0).info(), cluster.dn(2).info()), survivors);
    LocatedBlock first = cluster.namenode.node("/p").blocks.get(0);
    assertEquals(first.getBlock().getGenerationStamp(),
        cluster.dn(0).stamp(first.getBlock().getBlockId()));
    assertEquals(first.getBlock().getGenerationStamp(),
        cluster.dn(2).stamp(first.getBlock().getBlockId()));
    assertReplicas(cluster, "/p", data, 2);
    assertTrue(cluster.namenode.excludedSeen.get(1).contains(cluster.dn(1).info().getUuid()),
        "the failed node is excluded from later blocks");
  }

  @Test
  void failureOfTheFirstNodeIsRecoveredToo() throws IOException {
    cluster.dn(0).dieAfterPackets(1);
    byte[] data = TestData.random(BLOCK + 1000, 9);
    try (QuireOutputStream out = client.create("/p0", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(data);
    }
    assertEquals(List.of(cluster.dn(1).info(), cluster.dn(2).info()),
        cluster.namenode.pipelineUpdates.get(0));
    assertReplicas(cluster, "/p0", data, 2);
  }

  @Test
  void leaseIsRenewedWhileAFileIsOpen() throws IOException {
    try (QuireClient fast = new QuireClient(cluster.namenode,
        ClientOptions.builder().leaseRenewIntervalMs(20).build(), "renewing", null)) {
      QuireOutputStream out = fast.create("/lease", (short) 0644, false, true, (short) 3, BLOCK);
      org.awaitility.Awaitility.await().atMost(Timing.seconds(10))
          .until(() -> cluster.namenode.calls("renewLease") >= 2);
      out.close();
      assertEquals(0, fast.openOutputStreams());
    }
  }

  @Test
  void hsyncWithNothingBufferedStillSyncs() throws IOException {
    try (QuireOutputStream out = client.create("/s", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(new byte[1000]);
      out.hflush();
      int before = cluster.dn(0).syncPackets();
      out.hsync();
      assertEquals(before + 1, cluster.dn(0).syncPackets());
    }
  }

  @Test
  void unreachableFirstNodeIsAbandonedAndExcluded() throws IOException {
    cluster.dn(0).close();
    byte[] data = TestData.random(10_000, 5);
    try (QuireOutputStream out = client.create("/a", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(data);
    }
    assertEquals(1, cluster.namenode.calls("abandonBlock"));
    assertTrue(cluster.namenode.excludedSeen.get(1).contains(cluster.dn(0).info().getUuid()));
    assertReplicas(cluster, "/a", data, 1);
    assertEquals(2, cluster.namenode.node("/a").blocks.get(0).getLocations().size());
  }

  @Test
  void aRefusedTokenAbandonsTheBlockButDoesNotExcludeTheNode() throws IOException {
    cluster.dn(0).refuseTokens(1);
    byte[] data = TestData.random(10_000, 6);
    try (QuireOutputStream out = client.create("/t", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(data);
    }
    assertEquals(1, cluster.namenode.calls("abandonBlock"));
    assertTrue(cluster.namenode.excludedSeen.get(1).isEmpty(), "a new token, same nodes");
    assertReplicas(cluster, "/t", data, 1);
    assertEquals(3, cluster.namenode.node("/t").blocks.get(0).getLocations().size());
  }

  @Test
  void appendContinuesThePartialLastBlock() throws IOException {
    byte[] data = TestData.random(5000, 6);
    try (QuireOutputStream out = client.create("/ap", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(data, 0, 3333);
    }
    try (QuireOutputStream out = client.append("/ap")) {
      assertEquals(3333, out.getInitialFileLength());
      out.write(data, 3333, data.length - 3333);
    }
    assertReplicas(cluster, "/ap", data, 1);
    assertEquals(1, cluster.namenode.calls("updatePipeline"));
  }

  @Test
  void closingTheClientCompletesFilesStillOpen() throws IOException {
    QuireOutputStream out = client.create("/open", (short) 0644, false, true, (short) 3, BLOCK);
    out.write(new byte[3000]);
    assertEquals(1, client.openOutputStreams());
    client.close();
    assertEquals(0, client.openOutputStreams());
    assertEquals(1, cluster.namenode.calls("complete"));
    assertEquals(3000, cluster.namenode.node("/open").blocks.get(0).getBlock().getNumBytes());
    assertThrows(IOException.class, () -> out.write(1));
  }

  @Test
  void blockSizeNeedNotBeAMultipleOfTheChunkSize() throws IOException {
    byte[] data = TestData.random(20_000, 8);
    try (QuireOutputStream out = client.create("/odd", (short) 0644, false, true, (short) 3,
        8000)) {
      out.write(data);
    }
    assertReplicas(cluster, "/odd", data, 3);
    IOException e = assertThrows(IOException.class,
        () -> client.create("/bad", (short) 0644, false, true, (short) 3, 0));
    assertTrue(e.getMessage().contains("/bad"));
  }

  @Test
  void packetChecksumsAreCrc32cOfEach512ByteSlice() {
    OutgoingPacket p = OutgoingPacket.forData(0, 1300);
    byte[] data = TestData.random(1300, 7);
    assertEquals(1300, p.append(data, 0, data.length));
    assertTrue(p.isFull());
    p.seal(org.apache.hadoop.util.DataChecksum.newDataChecksum(
        org.apache.hadoop.util.DataChecksum.Type.CRC32C, 512), false);
    byte[] sums = p.checksums();
    assertEquals(12, sums.length);
    for (int i = 0; i < 3; i++) {
      CRC32C crc = new CRC32C();
      crc.update(data, i * 512, Math.min(512, 1300 - i * 512));
      int got = java.nio.ByteBuffer.wrap(sums, i * 4, 4).getInt();
      assertEquals((int) crc.getValue(), got, "chunk " + i);
    }
    assertNotNull(p.toString());
  }
}
