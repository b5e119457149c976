package io.quire.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.FakeCluster;
import io.quire.testing.TestData;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.StreamCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads into ByteBuffers (ByteBufferReadable, ByteBufferPositionedReadable) against an
 * in-memory NameNode and in-test DataNodes, which send 64 KiB packets: heap and direct
 * buffers, reads across packet and block boundaries, the FileSystem specification's
 * position/limit rules, EOF, and a corrupt replica caught on the way in.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ByteBufferReadTest {
  private static final int BLOCK = 128 * 1024;
  private FakeCluster cluster;
  private QuireClient client;
  private byte[] data;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(3);
    client = new QuireClient(cluster.namenode, ClientOptions.builder().build(), "reader", null);
    data = TestData.random(2 * BLOCK + 1234, 21);
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

  private static ByteBuffer buffer(boolean direct, int capacity) {
    return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
  }

  private static byte[] bytes(ByteBuffer b, int from, int to) {
    byte[] out = new byte[to - from];
    b.duplicate().limit(to).position(from).slice().get(out);
    return out;
  }

  /** Reads the whole stream with reads of at most {@code size} bytes through {@code in}. */
  private byte[] readAll(FSDataInputStream in, boolean direct, int size) throws IOException {
    ByteBuffer b = buffer(direct, size);
    byte[] got = new byte[data.length];
    int off = 0;
    while (true) {
      b.clear();
      int n = in.read(b);
      if (n < 0) {
        break;
      }
      assertTrue(n > 0, "read returned 0 with room for " + size + " at " + off);
      assertEquals(n, b.position(), "position advances by the count");
      assertEquals(size, b.limit(), "limit stays");
      b.flip().get(got, off, n);
      off += n;
    }
    assertEquals(data.length, off);
    return got;
  }

  @ParameterizedTest(name = "direct={0}, reads of {1} bytes")
  @CsvSource({"false, 1000", "true, 1000", "false, 100000", "true, 100000",
      "false, 1048576", "true, 1048576", "true, 65536", "true, 65537"})
  void sequentialReadsReturnTheFileAcrossPacketsAndBlocks(boolean direct, int size)
      throws IOException {
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", true, null))) {
      assertArrayEquals(data, readAll(in, direct, size));
      assertEquals(data.length, in.getPos());
      ByteBuffer b = buffer(direct, 10);
      assertEquals(-1, in.read(b), "at EOF");
      assertEquals(0, b.position());
    }
  }

  @ParameterizedTest(name = "direct={0}")
  @CsvSource({"false", "true"})
  void aReadFillsFromThePositionUpToTheLimitAndLeavesTheRestAlone(boolean direct)
      throws IOException {
    ByteBuffer b = buffer(direct, 200_000);
    for (int i = 0; i < b.capacity(); i++) {
      b.put(i, (byte) 7);
    }
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", true, null))) {
      in.seek(BLOCK - 70_000); // a read that could cross into the next block
      b.position(11).limit(11 + 150_000);
      int total = 0;
      while (b.hasRemaining()) {
        int n = in.read(b);
        assertTrue(n > 0);
        total += n;
        assertEquals(11 + total, b.position());
        assertEquals(11 + 150_000, b.limit());
      }
      assertEquals(BLOCK - 70_000 + 150_000, in.getPos());
      assertArrayEquals(Arrays.copyOfRange(data, BLOCK - 70_000, BLOCK + 80_000),
          bytes(b, 11, 11 + 150_000));
      assertEquals(0, in.read(b), "no room: 0, not -1");
      assertEquals(7, b.get(10), "bytes before the position untouched");
      b.limit(b.capacity());
      assertEquals(7, b.get(11 + 150_000), "bytes after the limit untouched");
    }
  }

  @ParameterizedTest(name = "direct={0}")
  @CsvSource({"false", "true"})
  void positionedReadsFollowTheSpecAndLeaveThePositionAlone(boolean direct)
      throws IOException {
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", true, null))) {
      in.seek(500);
      ByteBuffer b = buffer(direct, 300_000);
      b.position(3).limit(3 + 100_000);
      assertEquals(100_000, in.read(BLOCK - 1000, b), "crosses a block boundary");
      assertEquals(3 + 100_000, b.position());
      assertEquals(3 + 100_000, b.limit());
      assertArrayEquals(Arrays.copyOfRange(data, BLOCK - 1000, BLOCK + 99_000),
          bytes(b, 3, 3 + 100_000));
      assertEquals(500, in.getPos());

      b.clear();
      int n = in.read(data.length - 100, b);
      assertEquals(100, n, "short only at the end of the file");
      assertArrayEquals(Arrays.copyOfRange(data, data.length - 100, data.length),
          bytes(b, 0, 100));
      b.clear();
      assertEquals(-1, in.read(data.length, b));
      assertEquals(0, b.position());

      ByteBuffer exact = buffer(direct, 5000);
      in.readFully(2 * BLOCK - 4000, exact);
      assertEquals(5000, exact.position());
      assertArrayEquals(Arrays.copyOfRange(data, 2 * BLOCK - 4000, 2 * BLOCK + 1000),
          bytes(exact, 0, 5000));
      assertThrows(EOFException.class, () -> in.readFully(data.length - 5, buffer(direct, 10)));
      assertThrows(EOFException.class, () -> in.read(-1, buffer(direct, 10)));
      assertEquals(0, in.read(0, buffer(direct, 0)));
      assertEquals(500, in.getPos());
    }
  }

  @ParameterizedTest(name = "direct={0}, reads of {1} bytes")
  @CsvSource({"false, 1000", "true, 1000", "false, 1048576", "true, 1048576"})
  void aCorruptReplicaIsCaughtAndTheNextOneReadAndReported(boolean direct, int size)
      throws IOException {
    cluster.dn(0).corruptReads(true);
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", true, null))) {
      assertArrayEquals(data, readAll(in, direct, size));
    }
    assertFalse(cluster.namenode.badBlocks.isEmpty(), "the corrupt replica was reported");
    assertEquals(cluster.dn(0).info(), cluster.namenode.badBlocks.get(0).getLocations().get(0));
  }

  @ParameterizedTest(name = "direct={0}")
  @CsvSource({"false", "true"})
  void aCorruptReplicaIsCaughtByPositionedReads(boolean direct) throws IOException {
    cluster.dn(0).corruptReads(true);
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", true, null))) {
      ByteBuffer b = buffer(direct, 150_000);
      in.readFully(BLOCK / 2, b);
      assertArrayEquals(Arrays.copyOfRange(data, BLOCK / 2, BLOCK / 2 + 150_000),
          bytes(b, 0, 150_000));
    }
    assertEquals(cluster.dn(0).info(), cluster.namenode.badBlocks.get(0).getLocations().get(0));
  }

  @ParameterizedTest(name = "direct={0}")
  @CsvSource({"false", "true"})
  void everyReplicaCorruptFailsAndLeavesThePositionWhereItWas(boolean direct)
      throws IOException {
    cluster.datanodes.forEach(d -> d.corruptReads(true));
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", true, null))) {
      ByteBuffer b = buffer(direct, 1 << 20);
      b.position(5);
      IOException e = assertThrows(IOException.class, () -> in.read(b));
      assertTrue(e.getMessage().contains("/f"), e.getMessage());
      assertEquals(5, b.position());
      assertEquals(0, in.getPos());
    }
  }

  @Test
  void withChecksumsOffADirectReadReturnsTheBytesAsSent() throws IOException {
    cluster.dn(0).corruptReads(true);
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", false, null))) {
      ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
      int n = in.read(b);
      assertEquals(64 * 1024, n, "one whole packet straight into the buffer");
      assertEquals((byte) (data[0] ^ 0x5a), b.get(0));
      assertEquals(data[1], b.get(1));
    }
    assertEquals(0, cluster.namenode.badBlocks.size());
  }

  @ParameterizedTest(name = "direct={0}")
  @CsvSource({"false", "true"})
  void aReplicaThatStopsSendingMidPacketTimesOutAndTheNextOneIsRead(boolean direct)
      throws IOException {
    cluster.dn(0).stallReads(true);
    try (QuireClient quick = new QuireClient(cluster.namenode,
        ClientOptions.builder().socketTimeoutMs(500).build(), "reader", null);
        FSDataInputStream in = new FSDataInputStream(quick.open("/f", true, null))) {
      assertArrayEquals(data, readAll(in, direct, 1 << 20));
    }
    assertTrue(cluster.namenode.badBlocks.isEmpty(), "a timeout is no corruption");
  }

  @Test
  void capabilitiesSayWhatTheStreamsDo() throws IOException {
    try (FSDataInputStream in = new FSDataInputStream(client.open("/f", true, null))) {
      assertTrue(in.hasCapability(StreamCapabilities.READBYTEBUFFER));
      assertTrue(in.hasCapability(StreamCapabilities.PREADBYTEBUFFER));
      assertTrue(in.hasCapability(StreamCapabilities.READBYTEBUFFER.toUpperCase()));
      assertTrue(in.hasCapability(StreamCapabilities.UNBUFFER.toUpperCase()));
      assertTrue(in.hasCapability(StreamCapabilities.IOSTATISTICS));
      assertFalse(in.hasCapability(StreamCapabilities.HFLUSH));
      assertFalse(in.hasCapability(StreamCapabilities.VECTOREDIO_BUFFERS_SLICED));
    }
    try (QuireOutputStream out = client.create("/g", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      assertTrue(out.hasCapability(StreamCapabilities.HFLUSH));
      assertTrue(out.hasCapability(StreamCapabilities.HSYNC.toUpperCase()));
      assertTrue(out.hasCapability(StreamCapabilities.IOSTATISTICS));
      assertFalse(out.hasCapability(StreamCapabilities.READBYTEBUFFER));
      assertFalse(out.hasCapability(StreamCapabilities.UNBUFFER));
    }
  }
}
