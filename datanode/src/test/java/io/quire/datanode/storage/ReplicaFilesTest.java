package io.quire.datanode.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.datanode.testing.ReplicaMeta;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ReplicaFilesTest {
  private File dir;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    dir = TargetDirs.freshFile(info);
  }

  /** Writes block + meta the way the format javadoc describes, independently of the code. */
  private static void writeReplica(File blk, File meta, byte[] data) throws IOException {
    Files.write(blk.toPath(), data);
    Files.write(meta.toPath(), ReplicaMeta.of(data));
  }

  @Test
  void headerMatchesDocumentedLayout() throws IOException {
    File meta = new File(dir, BlockMetaFile.name(7, 1001));
    BlockMetaFile.create(meta);
    assertArrayEquals(new byte[] {0, 1, 2, 0, 0, 2, 0}, Files.readAllBytes(meta.toPath()));
    assertEquals("blk_7_1001.meta", meta.getName());
    assertEquals(7 + 4 * 3, BlockMetaFile.metaLengthFor(1025));
  }

  @Test
  void truncateRecomputesPartialChunkCrc() throws IOException {
    byte[] data = new byte[3000];
    new Random(1).nextBytes(data);
    File blk = new File(dir, "blk_1");
    File meta = new File(dir, "blk_1_1.meta");
    writeReplica(blk, meta, data);
    ReplicaFiles.truncateAndSync(blk, meta, 1300);
    byte[] cut = java.util.Arrays.copyOf(data, 1300);
    assertArrayEquals(cut, Files.readAllBytes(blk.toPath()));
    assertArrayEquals(ReplicaMeta.of(cut), Files.readAllBytes(meta.toPath()));
  }

  @Test
  void verifiedLengthDropsACorruptLastChunk() throws IOException {
    byte[] data = new byte[2000];
    new Random(2).nextBytes(data);
    File blk = new File(dir, "blk_2");
    File meta = new File(dir, "blk_2_1.meta");
    writeReplica(blk, meta, data);
    assertEquals(2000, ReplicaFiles.verifiedLength(blk, meta));
    try (RandomAccessFile f = new RandomAccessFile(blk, "rw")) {
      f.seek(1900);
      f.write(data[1900] ^ 0x55);
    }
    assertEquals(1536, ReplicaFiles.verifiedLength(blk, meta));
    // data longer than the checksums (crash after data write, before meta write)
    try (RandomAccessFile f = new RandomAccessFile(blk, "rw")) {
      f.seek(1900);
      f.write(data[1900]);
      f.seek(2000);
      f.write(new byte[700]);
    }
    assertEquals(1536, ReplicaFiles.verifiedLength(blk, meta));
  }
}
