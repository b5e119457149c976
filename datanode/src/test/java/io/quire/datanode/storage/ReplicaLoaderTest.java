package io.quire.datanode.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.testing.StampedStorage;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.util.DataChecksum;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Rebuilding the replica map from disk, including after a crash in the middle of a move. */
@Timeout(60)
class ReplicaLoaderTest {
  private File root;
  private StorageDirectory sd;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    root = StampedStorage.root(info);
    sd = new StorageDirectory(root);
  }

  private static void write(File blk, File meta, int len) throws IOException {
    byte[] data = new byte[len];
    new Random(len).nextBytes(data);
    blk.getParentFile().mkdirs();
    meta.getParentFile().mkdirs();
    Files.write(blk.toPath(), data);
    DataChecksum sum = DataChecksum.newDataChecksum(DataChecksum.Type.CRC32C, 512);
    byte[] crcs = new byte[4 * ((len + 511) / 512)];
    sum.calculateChunkedSums(data, 0, len, crcs, 0);
    ByteBuffer b = ByteBuffer.allocate(7 + crcs.length);
    b.putShort((short) 1).put((byte) 2).putInt(512).put(crcs);
    Files.write(meta.toPath(), b.array());
  }

  @Test
  void finalizedAndRbwReplicasAreLoaded() throws IOException {
    write(new File(sd.getFinalizedDirFor(5), "blk_5"),
        new File(sd.getFinalizedDirFor(5), "blk_5_3.meta"), 2000);
    write(new File(sd.getRbwDir(), "blk_6"), new File(sd.getRbwDir(), "blk_6_4.meta"), 1000);
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    assertEquals(ReplicaState.FINALIZED, ds.getReplica(5).getState());
    assertEquals(3, ds.getReplica(5).getGenerationStamp());
    assertEquals(2000, ds.getReplica(5).getBytesOnDisk());
    assertEquals(ReplicaState.RWR, ds.getReplica(6).getState());
    assertEquals(1000, ds.getReplica(6).getBytesOnDisk());
    assertEquals(2, ds.blockReport().size());
  }

  @Test
  void finalizeCutShortBetweenTheRenamesIsCompleted() throws IOException {
    // the meta file reached finalized/, the block file is still in rbw/
    File blk = new File(sd.getRbwDir(), "blk_300");
    write(blk, new File(sd.getFinalizedDirFor(300), "blk_300_9.meta"), 1500);
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    Replica r = ds.getReplica(300);
    assertEquals(ReplicaState.FINALIZED, r.getState());
    assertEquals(1500, r.getBytesOnDisk());
    assertFalse(blk.exists());
    assertTrue(r.getBlockFile().exists());
  }

  @Test
  void blockWithoutAnyMetaIsSkipped() throws IOException {
    Files.write(new File(sd.getRbwDir(), "blk_400").toPath(), new byte[10]);
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    assertNull(ds.getReplica(400));
  }
}
