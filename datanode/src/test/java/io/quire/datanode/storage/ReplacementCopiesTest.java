package io.quire.datanode.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.testing.StampedStorage;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Temporary replacement copies at the dataset level: refusal, abort, start-up cleanup. */
@Timeout(60)
class ReplacementCopiesTest {
  private static final Replica.Writer NO_WRITER = () -> { };
  private File root;

  @BeforeEach
  void setUp(TestInfo info) throws IOException {
    root = StampedStorage.root(info);
  }

  private static Replica finalized(FsDataset ds, long id, long gs) throws IOException {
    Replica r = ds.createRbw(new Block(id, gs, 0), NO_WRITER, false);
    r.clearWriter(NO_WRITER);
    ds.finalizeReplica(r);
    return r;
  }

  @Test
  void healthyReplicaIsKeptCorruptOneGetsOneCopyAtATime() throws IOException {
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    Replica old = finalized(ds, 11, 2);
    assertThrows(ReplicaAlreadyExistsException.class,
        () -> ds.createForTransfer(new Block(11, 2, 0), NO_WRITER));
    assertThrows(ReplicaAlreadyExistsException.class,
        () -> ds.createForTransfer(new Block(11, 1, 0), NO_WRITER));
    assertTrue(old.markCorrupt());
    Replica copy = ds.createForTransfer(new Block(11, 2, 0), NO_WRITER);
    assertTrue(copy.isTemporary());
    assertEquals(old.getDir().getTmpDir(), copy.getBlockFile().getParentFile());
    assertSame(old, ds.getReplica(11), "readers keep the old replica meanwhile");
    assertThrows(ReplicaAlreadyExistsException.class,
        () -> ds.createForTransfer(new Block(11, 2, 0), NO_WRITER));
    ds.abortTemporary(copy);
    assertFalse(copy.getBlockFile().exists());
    assertFalse(copy.getMetaFile().exists());
    assertSame(old, ds.getReplica(11));
  }

  @Test
  void finalizingACopyReplacesTheOldReplicaFiles() throws IOException {
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    Replica old = finalized(ds, 12, 1);
    File oldMeta = old.getMetaFile();
    Replica copy = ds.createForTransfer(new Block(12, 4, 0), NO_WRITER);
    ds.finalizeReplica(copy);
    assertSame(copy, ds.getReplica(12));
    assertEquals(ReplicaState.FINALIZED, copy.getState());
    assertFalse(copy.isTemporary());
    assertFalse(oldMeta.exists());
    assertTrue(copy.getMetaFile().getName().endsWith("_4.meta"));
    assertTrue(copy.getBlockFile().exists());
  }

  @Test
  void leftoversInTmpAreDeletedAtStart() throws IOException {
    StorageDirectory sd = new StorageDirectory(root);
    File junk = new File(sd.getTmpDir(), "blk_13");
    Files.write(junk.toPath(), new byte[10]);
    FsDataset ds = new FsDataset(DataStorage.open(List.of(root)));
    assertFalse(junk.exists());
    assertEquals(0, ds.replicas().size());
  }
}
