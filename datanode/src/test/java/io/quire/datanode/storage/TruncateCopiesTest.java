package io.quire.datanode.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.testing.ReplicaMeta;
import io.quire.datanode.testing.StampedStorage;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Copy on truncate in the dataset: the new replica's data and CRCs (partial last chunk
 * recomputed), the old replica untouched, repeats, a corrupt last chunk refused, and what a
 * crash at each step leaves on disk is never loaded as a replica.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TruncateCopiesTest {
  private static final Replica.Writer NO_WRITER = () -> { };
  private File root;
  private final byte[] data = new byte[5000];

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    root = StampedStorage.root(info);
    new Random(12).nextBytes(data);
  }

  /** A FINALIZED replica of block {@code id} holding {@link #data}. */
  private Replica finalized(FsDataset ds, long id, long gs) throws IOException {
    Replica r = ds.createRbw(new Block(id, gs, 0), NO_WRITER, false);
    Files.write(r.getBlockFile().toPath(), data);
    Files.write(r.getMetaFile().toPath(), ReplicaMeta.of(data));
    r.setBytesOnDisk(data.length);
    r.clearWriter(NO_WRITER);
    ds.finalizeReplica(r);
    return r;
  }

  @Test
  void copiesThePrefixWithItsChecksumsAndLeavesTheOldReplica() throws IOException {
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    List<ReportedBlock> heard = new ArrayList<>();
    Replica old = finalized(ds, 20, 3);
    ds.addListener(new ReplicaListener() {
      @Override public void replicaReceived(ReportedBlock b) { heard.add(b); }
      @Override public void replicaDeleted(Block b) { }
    });
    for (int len : new int[] {1500, 1024, 1}) {
      long id = 100 + len;
      ReportedBlock r = ds.copyForTruncate(new Block(20, 3, 5000), 7, len, id);
      assertEquals(new Block(id, 7, len), r.getBlock());
      assertEquals(ReplicaState.FINALIZED, r.getState());
      Replica copy = ds.getReplica(id);
      assertEquals(ReplicaState.FINALIZED, copy.getState());
      byte[] want = Arrays.copyOf(data, len);
      assertArrayEquals(want, Files.readAllBytes(copy.getBlockFile().toPath()));
      assertArrayEquals(ReplicaMeta.of(want), Files.readAllBytes(copy.getMetaFile().toPath()),
          "whole-chunk CRCs copied, the partial chunk's recomputed");
      assertEquals(len, ReplicaFiles.verifiedLength(copy.getBlockFile(), copy.getMetaFile()));
      assertTrue(heard.stream().anyMatch(h -> h.getBlock().equals(r.getBlock())
          && h.getState() == ReplicaState.FINALIZED),
          "listeners (incremental reports) hear of the copy");
    }
    assertSame(old, ds.getReplica(20));
    assertEquals(ReplicaState.FINALIZED, old.getState());
    assertEquals(3, old.getGenerationStamp());
    assertArrayEquals(data, Files.readAllBytes(old.getBlockFile().toPath()));
    assertArrayEquals(ReplicaMeta.of(data), Files.readAllBytes(old.getMetaFile().toPath()));
    assertEquals(0, old.getDir().getTmpDir().listFiles().length, "nothing left in tmp/");

    // a repeat answers the same; a later attempt's stamp re-stamps the copy
    assertEquals(new Block(1600, 7, 1500),
        ds.copyForTruncate(new Block(20, 3, 5000), 7, 1500, 1600).getBlock());
    assertEquals(new Block(1600, 7, 1500),
        ds.copyForTruncate(new Block(20, 3, 5000), 7, 1500, 1600).getBlock());
    assertEquals(new Block(1600, 9, 1500),
        ds.copyForTruncate(new Block(20, 3, 5000), 9, 1500, 1600).getBlock());
    assertThrows(ReplicaAlreadyExistsException.class,
        () -> ds.copyForTruncate(new Block(20, 3, 5000), 8, 1500, 1600));

    // survives a restart as FINALIZED
    ds.getStorage().close();
    FsDataset again = new FsDataset(DataStorage.open(List.of(root)));
    assertEquals(new Block(1600, 9, 1500), again.getReplica(1600).toBlock());
    assertEquals(ReplicaState.FINALIZED, again.getReplica(1600).getState());
  }

  @Test
  void aCorruptLastChunkOrAShortReplicaIsNotCopied() throws IOException {
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    Replica old = finalized(ds, 21, 3);
    try (RandomAccessFile f = new RandomAccessFile(old.getBlockFile(), "rw")) {
      f.seek(1100);
      f.write(data[1100] ^ 1);
    }
    IOException e = assertThrows(IOException.class,
        () -> ds.copyForTruncate(new Block(21, 3, 5000), 7, 1500, 30));
    assertTrue(e.getMessage().contains("does not match its checksum"), e.getMessage());
    assertNull(ds.getReplica(30));
    assertEquals(0, old.getDir().getTmpDir().listFiles().length, "the partial copy is removed");
    assertThrows(IOException.class,
        () -> ds.copyForTruncate(new Block(21, 3, 5000), 7, 6000, 31));
    assertThrows(io.quire.protocol.exceptions.ReplicaNotFoundException.class,
        () -> ds.copyForTruncate(new Block(22, 3, 5000), 7, 10, 32));
    assertNull(ds.getReplica(31));
  }

  /**
   * What a crash leaves at each step of a copy: data half written in tmp/ (before the moves),
   * or the meta file moved to finalized/ and the block file still in tmp/ (between them). At
   * start neither is a replica, and tmp/ is emptied.
   */
  @Test
  void aCrashMidCopyLeavesNoReplica() throws IOException {
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    Replica old = finalized(ds, 23, 3);
    StorageDirectory sd = old.getDir();
    File tmp = sd.getTmpDir();
    Files.write(new File(tmp, "blk_40").toPath(), Arrays.copyOf(data, 700));
    Files.write(new File(tmp, BlockMetaFile.name(40, 7)).toPath(), new byte[7]);
    Files.write(new File(tmp, "blk_41").toPath(), Arrays.copyOf(data, 1500));
    File finalizedDir = sd.getFinalizedDirFor(41);
    finalizedDir.mkdirs();
    Files.write(new File(finalizedDir, BlockMetaFile.name(41, 7)).toPath(),
        ReplicaMeta.of(Arrays.copyOf(data, 1500)));

    ds.getStorage().close();
    FsDataset restarted = new FsDataset(DataStorage.open(List.of(root)));
    assertNull(restarted.getReplica(40));
    assertNull(restarted.getReplica(41));
    assertEquals(1, restarted.replicas().size(), "only the old replica");
    assertEquals(0, tmp.listFiles().length);
    // the recovery, sent again, copies from scratch over the stray meta file
    restarted.copyForTruncate(new Block(23, 3, 5000), 7, 1500, 41);
    Replica copy = restarted.getReplica(41);
    assertArrayEquals(Arrays.copyOf(data, 1500), Files.readAllBytes(copy.getBlockFile()
        .toPath()));
  }
}
