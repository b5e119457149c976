package io.quire.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Reads into direct and heap ByteBuffers through FSDataInputStream against real DataNodes
 * (512 KiB read packets, 1 MiB blocks): the file comes back whole across packets and blocks,
 * and a replica with flipped bytes on disk is caught on the way into the caller's buffer, the
 * read goes on from another replica and the NameNode hears of the bad one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DirectBufferReadTest {
  private static final int BLOCK = 1024 * 1024;
  private MiniQuireCluster cluster;

  @BeforeAll
  void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, BLOCK);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(3).build();
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  private static byte[] write(FileSystem fs, Path p, int len, long seed) throws IOException {
    byte[] data = TestData.random(len, seed);
    try (FSDataOutputStream out = fs.create(p)) {
      out.write(data);
    }
    return data;
  }

  /** Reads all of {@code p} with reads into {@code b} (cleared before each). */
  private static byte[] readAll(FileSystem fs, Path p, ByteBuffer b, int len)
      throws IOException {
    byte[] got = new byte[len];
    int off = 0;
    try (FSDataInputStream in = fs.open(p)) {
      assertTrue(in.hasCapability(StreamCapabilities.READBYTEBUFFER));
      while (true) {
        b.clear();
        int n = in.read(b);
        if (n < 0) {
          break;
        }
        assertTrue(n > 0 && off + n <= len, "read " + n + " at " + off);
        b.flip().get(got, off, n);
        off += n;
      }
    }
    assertEquals(len, off);
    return got;
  }

  @Test
  void directAndHeapReadsReturnTheFileAcrossPacketsAndBlocks() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    Path p = new Path("/bb/whole.bin");
    byte[] data = write(fs, p, 2 * BLOCK + 700_123, 3);
    for (ByteBuffer b : new ByteBuffer[] {ByteBuffer.allocateDirect(700_001),
        ByteBuffer.allocateDirect(4096), ByteBuffer.allocate(BLOCK + 17)}) {
      assertArrayEquals(data, readAll(fs, p, b, data.length), b.toString());
    }
    try (FSDataInputStream in = fs.open(p)) {
      ByteBuffer b = ByteBuffer.allocateDirect(600_000);
      in.readFully(BLOCK - 300_000, b);
      b.flip();
      byte[] got = new byte[b.remaining()];
      b.get(got);
      assertArrayEquals(Arrays.copyOfRange(data, BLOCK - 300_000, BLOCK + 300_000), got);
    }
  }

  @Test
  void aCorruptReplicaIsCaughtByDirectReadsAndReported() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    Path p = new Path("/bb/corrupt.bin");
    byte[] data = write(fs, p, BLOCK, 9);
    LocatedBlock lb = cluster.getClientProtocol()
        .getBlockLocations(p.toString(), 0, data.length).getBlocks().get(0);
    DataNodeInfo bad = lb.getLocations().get(0);
    File blockFile = cluster.getDataNode(cluster.indexOfDataNode(bad.getUuid()))
        .getBlockFile(lb.getBlock().getBlockId());
    try (RandomAccessFile raf = new RandomAccessFile(blockFile, "rw")) {
      for (long off : new long[] {100, 600_000}) { // in the first and the second packet
        raf.seek(off);
        int b = raf.read();
        raf.seek(off);
        raf.write(b ^ 0xff);
      }
    }
    // readers pick among equally close replicas at random: read until one hit the bad copy
    ByteBuffer direct = ByteBuffer.allocateDirect(BLOCK);
    await("NameNode stops listing the corrupt replica").atMost(Timing.seconds(60))
        .pollInterval(Duration.ofMillis(10)).until(() -> {
          try (FileSystem fresh = FileSystem.newInstance(cluster.getURI(),
              cluster.getConfiguration())) {
            assertArrayEquals(data, readAll(fresh, p, direct, data.length));
          }
          return cluster.getClientProtocol().getBlockLocations(p.toString(), 0, data.length)
              .getBlocks().get(0).getLocations().stream()
              .noneMatch(d -> d.getUuid().equals(bad.getUuid()));
        });
  }
}
