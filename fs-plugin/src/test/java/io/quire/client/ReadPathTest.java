package io.quire.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.types.LocatedBlock;
import io.quire.testing.FakeCluster;
import io.quire.testing.TestData;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.statistics.StreamStatisticNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read path against an in-memory NameNode and in-test DataNodes. */
class ReadPathTest {
  private static final int BLOCK = 128 * 1024;
  private FakeCluster cluster;
  private QuireClient client;
  private byte[] data;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(3);
    client = new QuireClient(cluster.namenode, ClientOptions.builder().build(), "reader", null);
    data = TestData.random(2 * BLOCK + 1234, 11);
    try (QuireOutputStream out = client.create("/f", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(data);
    }
  }

  @AfterEach
  void tearDown() throws IOException {
    client.close();
    cluster.close();
  }

  private byte[] readAll(QuireInputStream in) throws IOException {
    byte[] got = new byte[data.length];
    int off = 0;
    while (off < got.length) {
      int n = in.read(got, off, Math.min(10_000, got.length - off));
      assertTrue(n > 0, "read returned " + n + " at " + off);
      off += n;
    }
    assertEquals(-1, in.read());
    return got;
  }

  @Test
  void readsBackWithOneGetBlockLocations() throws IOException {
    int before = cluster.namenode.calls("getBlockLocations");
    try (QuireInputStream in = client.open("/f", true, null)) {
      assertArrayEquals(data, readAll(in));
      assertEquals((long) data.length,
          in.getIOStatistics().counters().get(StreamStatisticNames.STREAM_READ_BYTES));
    }
    assertEquals(before + 1, cluster.namenode.calls("getBlockLocations"));
  }

  @Test
  void aRefusedTokenFetchesTheLocationsOnceAndReadsOn() throws IOException {
    for (int i = 0; i < 3; i++) {
      cluster.dn(i).refuseTokens(1); // whichever replica is asked first refuses once
    }
    int before = cluster.namenode.calls("getBlockLocations");
    try (QuireInputStream in = client.open("/f", true, null)) {
      byte[] got = new byte[1000];
      int n = in.read(got, 0, got.length);
      assertTrue(n > 0);
      assertArrayEquals(java.util.Arrays.copyOf(data, n), java.util.Arrays.copyOf(got, n));
      assertEquals(before + 2, cluster.namenode.calls("getBlockLocations"), "open + refetch");
    }
    for (int i = 0; i < 3; i++) {
      cluster.dn(i).refuseTokens(1);
    }
    before = cluster.namenode.calls("getBlockLocations");
    try (QuireInputStream in = client.open("/f", true, null)) {
      byte[] got = new byte[1000];
      assertEquals(1000, in.read(BLOCK, got, 0, got.length), "positioned read");
      assertArrayEquals(java.util.Arrays.copyOfRange(data, BLOCK, BLOCK + 1000), got);
      assertEquals(before + 2, cluster.namenode.calls("getBlockLocations"), "open + refetch");
    }
  }

  @Test
  void corruptReplicaIsSkippedAndReported() throws IOException {
    cluster.dn(0).corruptReads(true);
    try (QuireInputStream in = client.open("/f", true, null)) {
      assertArrayEquals(data, readAll(in));
    }
    assertTrue(cluster.namenode.badBlocks.size() >= 1);
    LocatedBlock bad = cluster.namenode.badBlocks.get(0);
    assertEquals(cluster.dn(0).info(), bad.getLocations().get(0));
    assertEquals(cluster.namenode.node("/f").blocks.get(0).getBlock(), bad.getBlock());
  }

  @Test
  void largeReadsLandInTheCallerBufferOnlyAfterTheirChecksumsPass() throws IOException {
    cluster.dn(0).corruptReads(true);
    byte[] got = new byte[data.length];
    try (QuireInputStream in = client.open("/f", true, null)) {
      int off = 0;
      while (off < got.length) {
        int n = in.read(got, off, got.length - off);
        assertTrue(n > 0, "read returned " + n + " at " + off);
        off += n;
      }
      assertEquals(-1, in.read(got, 0, got.length));
    }
    assertArrayEquals(data, got);
    assertEquals(cluster.dn(0).info(), cluster.namenode.badBlocks.get(0).getLocations().get(0));
  }

  @Test
  void withChecksumsOffCorruptBytesAreNotDetected() throws IOException {
    cluster.dn(0).corruptReads(true);
    try (QuireInputStream in = client.open("/f", false, null)) {
      byte[] got = new byte[100];
      assertEquals(100, in.read(got, 0, 100));
      assertEquals((byte) (data[0] ^ 0x5a), got[0]);
    }
    assertEquals(0, cluster.namenode.badBlocks.size());
  }

  @Test
  void deadReplicaIsSkipped() throws IOException {
    cluster.dn(0).close();
    try (QuireInputStream in = client.open("/f", true, null)) {
      assertArrayEquals(data, readAll(in));
    }
    assertEquals(0, cluster.namenode.badBlocks.size());
  }

  @Test
  void everyReplicaCorruptFailsInsteadOfReturningWrongBytes() throws IOException {
    cluster.datanodes.forEach(d -> d.corruptReads(true));
    try (QuireInputStream in = client.open("/f", true, null)) {
      IOException e = assertThrows(IOException.class, () -> in.read(new byte[10], 0, 10));
      assertTrue(e.getMessage().contains("/f"), e.getMessage());
    }
  }

  @Test
  void seekAndPositionedReadFollowTheFileSystemSpec() throws IOException {
    try (QuireInputStream in = client.open("/f", true, null)) {
      assertThrows(EOFException.class, () -> in.seek(-1));
      assertThrows(EOFException.class, () -> in.seek(data.length + 1));
      in.seek(data.length);
      assertEquals(-1, in.read());
      in.seek(BLOCK - 10);
      byte[] b = new byte[20];
      int n = in.read(b, 0, 20);
      assertTrue(n > 0);
      assertArrayEquals(Arrays.copyOfRange(data, BLOCK - 10, BLOCK - 10 + n),
          Arrays.copyOf(b, n));
      long pos = in.getPos();
      byte[] p = new byte[5000];
      in.readFully(BLOCK - 2500, p, 0, p.length);
      assertArrayEquals(Arrays.copyOfRange(data, BLOCK - 2500, BLOCK + 2500), p);
      assertEquals(pos, in.getPos(), "positioned read leaves the position alone");
      assertEquals(-1, in.read(data.length, p, 0, 10));
      assertThrows(EOFException.class, () -> in.readFully(data.length - 5, p, 0, 10));
      in.seek(100);
      in.seek(3000);
      assertEquals(data[3000] & 0xff, in.read());
    }
  }

  private static void readFully(QuireInputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) {
        throw new EOFException("at " + off);
      }
      off += n;
    }
  }

  @Test
  void unbufferClosesTheConnectionAndReadsContinue() throws IOException {
    try (QuireInputStream in = client.open("/f", true, null)) {
      byte[] b = new byte[1000];
      readFully(in, b);
      in.unbuffer();
      int readsBefore = cluster.datanodes.stream().mapToInt(d -> d.reads()).sum();
      readFully(in, b);
      assertArrayEquals(Arrays.copyOfRange(data, 1000, 2000), b);
      assertEquals(readsBefore + 1, cluster.datanodes.stream().mapToInt(d -> d.reads()).sum());
    }
  }

  @Test
  void fileUnderConstructionShowsTheVisibleLength() throws IOException {
    QuireOutputStream out = client.create("/uc", (short) 0644, false, true, (short) 3, BLOCK);
    out.write(data, 0, 5000);
    out.hflush();
    out.write(data, 5000, 100_000);
    try (QuireInputStream in = client.open("/uc", true, null)) {
      assertEquals(5000, in.getFileLength(), "readers see what was hflushed");
      byte[] b = new byte[5000];
      in.readFully(0, b, 0, b.length);
      assertArrayEquals(Arrays.copyOf(data, 5000), b);
    }
    out.hflush();
    try (QuireInputStream in = client.open("/uc", true, null)) {
      assertEquals(105_000, in.getFileLength());
    }
    out.close();
  }

  @Test
  void compositeCrcIsTheCrc32cOfTheWholeFile() throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(data);
    assertEquals((int) crc.getValue(), client.getFileCompositeCrc("/f", Long.MAX_VALUE));
    CRC32C part = new CRC32C();
    part.update(data, 0, BLOCK + 100);
    assertEquals((int) part.getValue(), client.getFileCompositeCrc("/f", BLOCK + 100));
  }

  @Test
  void composingBlockCrcsEqualsTheCrcOfTheConcatenation() throws IOException {
    byte[] bytes = TestData.random(10_000, 12);
    int[] crcs = new int[3];
    long[] lens = {4096, 4096, 10_000 - 8192};
    int off = 0;
    for (int i = 0; i < 3; i++) {
      CRC32C c = new CRC32C();
      c.update(bytes, off, (int) lens[i]);
      crcs[i] = (int) c.getValue();
      off += (int) lens[i];
    }
    CRC32C all = new CRC32C();
    all.update(bytes);
    assertEquals((int) all.getValue(), FileChecksums.compose(crcs, lens));
  }
}
