package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.SnapshotAccessControlException;
import io.quire.protocol.exceptions.SnapshotException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import io.quire.protocol.types.RenameMode;
import io.quire.protocol.types.SnapshotDiffEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Snapshots on a namesystem: reads through .snapshot see files as they were (appended,
 * deleted, truncated since), blocks held by a snapshot stay until its deletion, HDFS's errors,
 * who may do what, and the checkpoint image keeping snapshots and their sharing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnapshotOpsTest {
  private static final UserGroupInformation BOB =
      UserGroupInformation.createUserForTesting("bob", new String[] {"bobs"});

  private static <T> T asBob(PrivilegedExceptionAction<T> a) throws Exception {
    return BOB.doAs(a);
  }

  private static NamesystemFixture cluster() throws IOException {
    NamesystemFixture fx = new NamesystemFixture();
    fx.addDataNode(0);
    fx.client.mkdirs("/d", (short) 0755, true);
    fx.client.allowSnapshot("/d");
    return fx;
  }

  /** Appends {@code bytes} to the last block (or a new one) of {@code path} and closes it. */
  private static void append(NamesystemFixture fx, String path, long bytes) throws IOException {
    ClientProtocol nn = fx.client;
    LocatedBlock last = nn.append(path, "ap");
    InodeStatus st = nn.getFileInfo(path);
    Block b;
    if (last != null) {
      b = last.getBlock().withNumBytes(last.getBlock().getNumBytes() + bytes);
    } else {
      b = nn.addBlock(path, st.getFileId(), "ap", null, List.of(), null).getBlock()
          .withNumBytes(bytes);
    }
    fx.finalized(0, b);
    assertTrue(nn.complete(path, st.getFileId(), "ap", b));
  }

  @Test
  void snapshotReadsSeeTheFileAsItWasAfterAppendAndDelete() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/f", 2); // 2000 bytes in blocks of 1000
    assertEquals("/d/.snapshot/s1", nn.createSnapshot("/d", "s1"));
    append(fx, "/d/f", 20);
    assertEquals(2020, nn.getFileInfo("/d/f").getLength());
    assertEquals(2000, nn.getFileInfo("/d/.snapshot/s1/f").getLength());
    LocatedBlocks lbs = nn.getBlockLocations("/d/.snapshot/s1/f", 0, Long.MAX_VALUE);
    assertEquals(2000, lbs.getFileLength());
    assertEquals(2, lbs.getBlocks().size());
    long liveBlocks = fx.ns.read(() -> (long) fx.ns.getState().blocks().size());

    nn.delete("/d/f", false);
    assertNull(nn.getFileInfo("/d/f"));
    assertEquals(2000, nn.getFileInfo("/d/.snapshot/s1/f").getLength());
    assertEquals(liveBlocks, fx.ns.read(() -> (long) fx.ns.getState().blocks().size()),
        "blocks held by the snapshot must stay in the block map");
    assertEquals(List.of(), deletes(fx.heartbeat(0)), "no replica may be deleted yet");
    lbs = nn.getBlockLocations("/d/.snapshot/s1/f", 0, Long.MAX_VALUE);
    assertEquals(2, lbs.getBlocks().size());
    assertFalse(lbs.getBlocks().get(0).getLocations().isEmpty(), "replicas still located");
    assertEquals(List.of("f"), names(nn.getListing("/d/.snapshot/s1", null).getEntries()));
    assertEquals(List.of("s1"), names(nn.getListing("/d/.snapshot", null).getEntries()));

    nn.setAcl("/d", org.apache.hadoop.fs.permission.AclEntry.parseAclSpec(
        "user::rwx,group::r-x,other::r-x,user:bob:r-x", true));
    assertEquals(0, nn.getAclStatus("/d/.snapshot/s1").getEntries().size(),
        "the snapshot holds the ACL of its time");
    assertEquals(2, nn.getAclStatus("/d").getEntries().size());
    nn.deleteSnapshot("/d", "s1");
    assertEquals(0, fx.ns.read(() -> fx.ns.getState().blocks().size()));
    assertEquals(2, deletes(fx.heartbeat(0)).size(), "both blocks' replicas are deleted");
    assertNull(nn.getFileInfo("/d/.snapshot/s1/f"));
  }

  @Test
  void truncateToABlockBoundaryKeepsTheCutBlockForTheSnapshot() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/f", 2);
    nn.createSnapshot("/d", "s1");
    assertTrue(nn.truncate("/d/f", 1000, "t"));
    assertEquals(1000, nn.getFileInfo("/d/f").getLength());
    assertEquals(2000, nn.getFileInfo("/d/.snapshot/s1/f").getLength());
    assertEquals(2, nn.getBlockLocations("/d/.snapshot/s1/f", 0, 5000).getBlocks().size());
    nn.deleteSnapshot("/d", "s1");
    assertEquals(1, fx.ns.read(() -> fx.ns.getState().blocks().size()));
  }

  /** The RECOVER command of DataNode 0's next heartbeat, or null. */
  static DataNodeCommand recoverCommand(NamesystemFixture fx) throws IOException {
    for (DataNodeCommand c : fx.heartbeat(0)) {
      if (c.getType() == DataNodeCommand.Type.RECOVER) {
        return c;
      }
    }
    return null;
  }

  /**
   * Truncates /d/f (two blocks of 1000 bytes, snapshot s1 taken) to 1500: the second block is
   * copied; returns the RECOVER command (old block, cut length, new block id).
   */
  private static DataNodeCommand truncateIntoACopy(NamesystemFixture fx) throws Exception {
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/f", 2);
    nn.createSnapshot("/d", "s1");
    List<LocatedBlock> old = nn.getBlockLocations("/d/f", 0, 5000).getBlocks();
    assertFalse(nn.truncate("/d/f", 1500, "t"));
    DataNodeCommand cmd = recoverCommand(fx);
    assertNotNull(cmd, "the truncate must send a RECOVER command");
    Block source = cmd.getBlocks().get(0);
    assertEquals(old.get(1).getBlock().getBlockId(), source.getBlockId(), "copies the old block");
    assertEquals(old.get(1).getBlock().getGenerationStamp(), source.getGenerationStamp());
    assertEquals(500, source.getNumBytes(), "the kept prefix");
    assertTrue(cmd.getNewBlockId() > old.get(1).getBlock().getBlockId(), "a new block id");
    assertEquals(1500, nn.getFileInfo("/d/f").getLength(), "readers see the new length at once");
    assertEquals(2000, nn.getFileInfo("/d/.snapshot/s1/f").getLength());
    assertFalse(nn.isFileClosed("/d/f"));
    return cmd;
  }

  /** DataNode 0 made the copy and the primary commits it. */
  private static void commitCopy(NamesystemFixture fx, DataNodeCommand cmd) throws IOException {
    long gs = cmd.getNewGenerationStamp();
    Block copy = new Block(cmd.getNewBlockId(), gs, 500);
    fx.finalized(0, copy);
    fx.datanodes.commitBlockSynchronization(copy, gs, 500, true, false,
        List.of(fx.registration(0).getId()));
  }

  @Test
  void truncateInsideABlockASnapshotHoldsCopiesItToANewBlock() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    DataNodeCommand cmd = truncateIntoACopy(fx);
    long oldId = cmd.getBlocks().get(0).getBlockId();
    commitCopy(fx, cmd);
    assertTrue(nn.isFileClosed("/d/f"));
    List<LocatedBlock> live = nn.getBlockLocations("/d/f", 0, 5000).getBlocks();
    assertEquals(List.of(1000L, 500L), live.stream().map(lb -> lb.getBlock().getNumBytes())
        .toList());
    assertEquals(cmd.getNewBlockId(), live.get(1).getBlock().getBlockId());
    assertEquals(cmd.getNewGenerationStamp(), live.get(1).getBlock().getGenerationStamp());
    assertFalse(live.get(1).getLocations().isEmpty(), "the copy is located");
    List<LocatedBlock> snap = nn.getBlockLocations("/d/.snapshot/s1/f", 0, 5000).getBlocks();
    assertEquals(oldId, snap.get(1).getBlock().getBlockId(), "the snapshot keeps the old block");
    assertEquals(1000, snap.get(1).getBlock().getNumBytes());
    assertEquals(List.of(), deletes(fx.heartbeat(0)), "no replica may be deleted");
    assertEquals(3, fx.ns.read(() -> fx.ns.getState().blocks().size()));

    String before = ReplayEquivalenceTest.dump(fx.ns.getState());
    assertEquals(before, ReplayEquivalenceTest.dump(replayed(fx).ns.getState()));
    assertEquals(before, ReplayEquivalenceTest.dump(imaged(fx).ns.getState()));

    nn.deleteSnapshot("/d", "s1");
    assertEquals(List.of(oldId), deletes(fx.heartbeat(0)).stream().map(Block::getBlockId)
        .toList(), "deleting the snapshot frees the old block only");
    assertEquals(2, fx.ns.read(() -> fx.ns.getState().blocks().size()));
  }

  @Test
  void deletingTheLiveFileAfterACopyFreesOnlyTheNewBlock() throws Exception {
    NamesystemFixture fx = cluster();
    DataNodeCommand cmd = truncateIntoACopy(fx);
    commitCopy(fx, cmd);
    fx.client.delete("/d/f", false);
    assertEquals(List.of(cmd.getNewBlockId()), deletes(fx.heartbeat(0)).stream()
        .map(Block::getBlockId).toList());
    assertEquals(2000, fx.client.getFileInfo("/d/.snapshot/s1/f").getLength());
    assertEquals(2, fx.client.getBlockLocations("/d/.snapshot/s1/f", 0, 5000).getBlocks()
        .size());
  }

  @Test
  void aCopyInProgressKeepsTheOldBlockWhenItsSnapshotIsDeleted() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    DataNodeCommand cmd = truncateIntoACopy(fx);
    long oldId = cmd.getBlocks().get(0).getBlockId();
    nn.deleteSnapshot("/d", "s1");
    assertEquals(List.of(), deletes(fx.heartbeat(0)), "the copy still reads the old replicas");
    assertNotNull(fx.ns.read(() -> fx.ns.getState().blocks().get(oldId)));

    // survives a checkpoint and a replay: the recovery is sent again from the loaded state
    String before = ReplayEquivalenceTest.dump(fx.ns.getState());
    assertTrue(before.contains("copies {" + cmd.getNewBlockId() + "=" + oldId + "}"), before);
    NamesystemFixture loaded = imaged(fx);
    assertEquals(before, ReplayEquivalenceTest.dump(loaded.ns.getState()));
    assertEquals(before, ReplayEquivalenceTest.dump(replayed(fx).ns.getState()));

    commitCopy(fx, cmd);
    assertTrue(nn.isFileClosed("/d/f"));
    assertEquals(List.of(oldId), deletes(fx.heartbeat(0)).stream().map(Block::getBlockId)
        .toList(), "once copied, the old block goes");
    assertEquals(2, fx.ns.read(() -> fx.ns.getState().blocks().size()));
  }

  @Test
  void leaseRecoveryOfACopyResendsTheCopyInsteadOfDroppingTheBlock() throws Exception {
    NamesystemFixture fx = cluster();
    DataNodeCommand first = truncateIntoACopy(fx);
    fx.clock.addAndGet(6000); // the truncating client's lease expires before the copy commits
    fx.monitor.runOnce();
    DataNodeCommand again = recoverCommand(fx);
    assertNotNull(again);
    assertEquals(first.getNewBlockId(), again.getNewBlockId());
    assertEquals(first.getBlocks().get(0), again.getBlocks().get(0));
    assertTrue(again.getNewGenerationStamp() > first.getNewGenerationStamp(), "a new recovery id");
    assertEquals(1500, fx.client.getFileInfo("/d/f").getLength());
    commitCopy(fx, again);
    assertTrue(fx.client.isFileClosed("/d/f"));
  }

  @Test
  void truncateNeedsSpaceQuotaForTheBlockUnderRecovery() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/f", 2); // 2000 bytes, block size 1024
    nn.createSnapshot("/d", "s1");
    // after the truncate: 1000 + a block under recovery charged at 1024 = 2024 bytes
    nn.setQuota("/d", Long.MAX_VALUE, 2010);
    assertThrows(io.quire.protocol.exceptions.DSQuotaExceededException.class,
        () -> nn.truncate("/d/f", 1500, "t"));
    assertEquals(2000, nn.getFileInfo("/d/f").getLength(), "nothing changed");
    assertTrue(nn.truncate("/d/f", 1000, "t"), "a cut on a block boundary frees space");
    nn.mkdirs("/e", (short) 0755, true);
    ReplayEquivalenceTest.writeFile(fx, "/e/g", 2);
    nn.setQuota("/e", Long.MAX_VALUE, 2010);
    assertThrows(io.quire.protocol.exceptions.DSQuotaExceededException.class,
        () -> nn.truncate("/e/g", 1500, "t"), "in place too (HDFS checks every truncate)");
    nn.setQuota("/e", Long.MAX_VALUE, 2024);
    assertFalse(nn.truncate("/e/g", 1500, "t"));
  }

  private static NamesystemFixture replayed(NamesystemFixture fx) throws IOException {
    io.quire.namenode.testing.InMemoryJournal copy =
        new io.quire.namenode.testing.InMemoryJournal();
    var w = copy.openForWrite(1);
    for (var r : fx.journal.records()) {
      w.append(List.of(r.payload()));
    }
    return new NamesystemFixture(NamesystemFixture.defaultConf(), copy);
  }

  private static NamesystemFixture imaged(NamesystemFixture fx) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    fx.ns.read(() -> {
      NamespaceImage.write(fx.ns.getState(), new DataOutputStream(bytes));
      return null;
    });
    NamesystemFixture loaded = new NamesystemFixture();
    loaded.ns.updateVolatileState(() -> {
      NamespaceImage.read(loaded.ns.getState(),
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      return null;
    });
    return loaded;
  }

  @Test
  void snapshotPathsAreReadOnlyAndDotSnapshotIsReserved() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/f", 1);
    nn.createSnapshot("/d", "s1");
    assertThrows(SnapshotAccessControlException.class, () -> nn.delete("/d/.snapshot/s1/f",
        false));
    assertThrows(SnapshotAccessControlException.class,
        () -> nn.mkdirs("/d/.snapshot/s1/x", (short) 0755, true));
    assertThrows(SnapshotAccessControlException.class,
        () -> nn.rename("/d/.snapshot/s1/f", "/d/g", RenameMode.NO_OVERWRITE));
    assertThrows(SnapshotAccessControlException.class,
        () -> nn.setPermission("/d/.snapshot/s1/f", (short) 0600));
    HadoopIllegalArgumentException reserved = assertThrows(HadoopIllegalArgumentException.class,
        () -> nn.mkdirs("/e/.snapshot", (short) 0755, true));
    assertEquals("\".snapshot\" is a reserved name.", reserved.getMessage());
    assertNotNull(nn.getFileInfo("/d/.snapshot"));
    assertNull(nn.getFileInfo("/e/.snapshot"));
  }

  @Test
  void hdfsErrors() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    nn.mkdirs("/d/sub", (short) 0755, true);
    nn.mkdirs("/plain", (short) 0755, true);
    assertEquals("Nested snapshottable directories not allowed: path=/d/sub, the ancestor /d"
        + " is already a snapshottable directory.",
        assertThrows(SnapshotException.class, () -> nn.allowSnapshot("/d/sub")).getMessage());
    assertEquals("Nested snapshottable directories not allowed: path=/, the subdirectory /d"
        + " is already a snapshottable directory.",
        assertThrows(SnapshotException.class, () -> nn.allowSnapshot("/")).getMessage());
    assertEquals("Directory is not a snapshottable directory: /plain",
        assertThrows(SnapshotException.class, () -> nn.createSnapshot("/plain", "s"))
            .getMessage());
    nn.createSnapshot("/d", "s1");
    assertEquals("Failed to add snapshot: there is already a snapshot with the same name"
        + " \"s1\".", assertThrows(SnapshotException.class,
            () -> nn.createSnapshot("/d", "s1")).getMessage());
    assertEquals("Cannot delete snapshot s9 from path /d: the snapshot does not exist.",
        assertThrows(SnapshotException.class, () -> nn.deleteSnapshot("/d", "s9"))
            .getMessage());
    nn.createSnapshot("/d", "s2");
    assertEquals("The snapshot s2 already exists for directory /d",
        assertThrows(SnapshotException.class, () -> nn.renameSnapshot("/d", "s1", "s2"))
            .getMessage());
    assertEquals("The snapshot s9 does not exist for directory /d",
        assertThrows(SnapshotException.class, () -> nn.renameSnapshot("/d", "s9", "s3"))
            .getMessage());
    assertEquals("The directory /d has snapshot(s). Please redo the operation after removing"
        + " all the snapshots.",
        assertThrows(SnapshotException.class, () -> nn.disallowSnapshot("/d")).getMessage());
    String cannot = "The directory /d cannot be deleted since /d is snapshottable and already"
        + " has snapshots";
    assertEquals(cannot, assertThrows(SnapshotException.class, () -> nn.delete("/d", true))
        .getMessage());
    assertEquals(cannot, assertThrows(SnapshotException.class,
        () -> nn.rename("/d", "/moved", RenameMode.NO_OVERWRITE)).getMessage());
    assertEquals("Snapshot name cannot contain \"/\"", assertThrows(
        HadoopIllegalArgumentException.class, () -> nn.createSnapshot("/d", "a/b"))
        .getMessage());
    String dflt = nn.createSnapshot("/d", null);
    assertTrue(dflt.matches("/d/\\.snapshot/s\\d{8}-\\d{6}\\.\\d{3}"), dflt);
    nn.renameSnapshot("/d", "s1", "s3");
    assertNull(nn.getFileInfo("/d/.snapshot/s1"));
    assertNotNull(nn.getFileInfo("/d/.snapshot/s3"));
    nn.deleteSnapshot("/d", "s2");
    nn.deleteSnapshot("/d", "s3");
    nn.deleteSnapshot("/d", dflt.substring(dflt.lastIndexOf('/') + 1));
    nn.disallowSnapshot("/d");
    nn.delete("/d", true);
    assertEquals(0, nn.getSnapshottableDirListing().size());
  }

  @Test
  void onlyTheSuperuserAllowsSnapshotsAndOnlyTheOwnerTakesThem() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    nn.mkdirs("/bob", (short) 0777, true);
    nn.setOwner("/bob", "bob", "bobs");
    assertThrows(AccessControlException.class, () -> asBob(() -> {
      nn.allowSnapshot("/bob");
      return null;
    }));
    nn.allowSnapshot("/bob");
    assertEquals("/bob/.snapshot/b1", asBob(() -> nn.createSnapshot("/bob", "b1")));
    assertThrows(AccessControlException.class, () -> asBob(() -> nn.createSnapshot("/d", "x")));
    assertThrows(AccessControlException.class, () -> asBob(() -> {
      nn.disallowSnapshot("/bob");
      return null;
    }));
    assertEquals(List.of("/bob"), asBob(() -> nn.getSnapshottableDirListing()).stream()
        .map(s -> s.status().getPath()).toList());
    assertEquals(2, nn.getSnapshottableDirListing().size());
  }

  @Test
  void diffListsWhatChanged() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/a", 1);
    ReplayEquivalenceTest.writeFile(fx, "/d/b", 1);
    nn.mkdirs("/d/sub", (short) 0755, true);
    nn.createSnapshot("/d", "s1");
    nn.rename("/d/a", "/d/a2", RenameMode.NO_OVERWRITE);
    nn.delete("/d/b", false);
    ReplayEquivalenceTest.writeFile(fx, "/d/sub/c", 1);
    nn.createSnapshot("/d", "s2");
    append(fx, "/d/sub/c", 10);
    assertEquals(List.of("M\t.", "R\t./a -> ./a2", "-\t./b", "M\t./sub", "+\t./sub/c"),
        nn.getSnapshotDiffReport("/d", "s1", "s2").stream().map(SnapshotDiffEntry::toString)
            .toList());
    assertEquals(List.of("M\t./sub/c"), nn.getSnapshotDiffReport("/d", "s2", ".").stream()
        .map(SnapshotDiffEntry::toString).toList());
  }

  @Test
  void checkpointKeepsSnapshotsTheirSharingAndRetainedBlocks() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/f", 2);
    ReplayEquivalenceTest.writeFile(fx, "/d/g", 1);
    nn.createSnapshot("/d", "s1");
    nn.createSnapshot("/d", "s2");
    nn.delete("/d/f", false);
    append(fx, "/d/g", 7);
    nn.createSnapshot("/d", "s3");
    assertTrue(fx.ns.read(() -> sharedCopy(fx)), "s1 and s2 share the copy of g");
    String before = fx.ns.read(() -> ReplayEquivalenceTest.dump(fx.ns.getState()));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    fx.ns.read(() -> {
      NamespaceImage.write(fx.ns.getState(), new DataOutputStream(bytes));
      return null;
    });
    NamesystemFixture loaded = new NamesystemFixture();
    loaded.ns.updateVolatileState(() -> {
      NamespaceImage.read(loaded.ns.getState(),
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      return null;
    });
    assertEquals(before, loaded.ns.read(() -> ReplayEquivalenceTest.dump(loaded.ns.getState())));
    assertTrue(loaded.ns.read(() -> sharedCopy(loaded)), "sharing survives the image");
    assertEquals(2000, loaded.client.getFileInfo("/d/.snapshot/s2/f").getLength());
    loaded.client.deleteSnapshot("/d", "s1");
    loaded.client.deleteSnapshot("/d", "s2");
    assertEquals(1, loaded.ns.read(() -> loaded.ns.getState().blocks().size()),
        "f's two blocks go with the last snapshot holding them; g's stays");
  }

  /** s1's and s2's copies of g are one object (nothing changed between the two). */
  private static boolean sharedCopy(NamesystemFixture fx) {
    var list = fx.ns.getState().tree().get("/d").getSnapshots();
    return list.get("s1").root().child("g") == list.get("s2").root().child("g");
  }

  @Test
  void standbyReplayingTheJournalHoldsTheSameSnapshots() throws Exception {
    NamesystemFixture fx = cluster();
    ClientProtocol nn = fx.client;
    ReplayEquivalenceTest.writeFile(fx, "/d/f", 2);
    nn.createSnapshot("/d", "s1");
    nn.delete("/d/f", false);
    nn.renameSnapshot("/d", "s1", "t1");
    String before = fx.ns.read(() -> ReplayEquivalenceTest.dump(fx.ns.getState()));
    io.quire.namenode.testing.InMemoryJournal copy =
        new io.quire.namenode.testing.InMemoryJournal();
    var w = copy.openForWrite(1);
    for (var r : fx.journal.records()) {
      w.append(List.of(r.payload()));
    }
    NamesystemFixture replayed = new NamesystemFixture(NamesystemFixture.defaultConf(), copy);
    assertEquals(before, replayed.ns.read(() -> ReplayEquivalenceTest.dump(
        replayed.ns.getState())));
    for (BlockInfo b : replayed.ns.read(() -> List.copyOf(replayed.ns.getState().blocks()
        .all()))) {
      assertEquals(1, b.getSnapshotRefs());
    }
  }

  @Test
  void standbyTailingTheJournalKeepsAndDropsTheSameBlocks() throws Exception {
    io.quire.namenode.testing.StandbyPair pair = new io.quire.namenode.testing.StandbyPair(1);
    NamesystemFixture fx = pair.active;
    ClientProtocol nn = fx.client;
    nn.mkdirs("/d", (short) 0755, true);
    nn.allowSnapshot("/d");
    long id = nn.create("/d/f", (short) 0644, "w", true, true, (short) 1, 1024).getFileId();
    Block b = nn.addBlock("/d/f", id, "w", null, List.of(), null).getBlock().withNumBytes(700);
    fx.finalized(0, b);
    pair.standby.finalized(0, b);
    assertTrue(nn.complete("/d/f", id, "w", b));
    nn.createSnapshot("/d", "s1");
    nn.delete("/d/f", false);
    pair.tail();
    String active = fx.ns.read(() -> ReplayEquivalenceTest.dump(fx.ns.getState()));
    assertEquals(active, pair.standby.ns.read(() -> ReplayEquivalenceTest.dump(
        pair.standby.ns.getState())));
    assertEquals(1, pair.standby.ns.read(() -> pair.standby.ns.getState().blocks().size()));
    nn.deleteSnapshot("/d", "s1");
    pair.tail();
    assertEquals(0, pair.standby.ns.read(() -> pair.standby.ns.getState().blocks().size()));
    assertEquals(fx.ns.read(() -> ReplayEquivalenceTest.dump(fx.ns.getState())),
        pair.standby.ns.read(() -> ReplayEquivalenceTest.dump(pair.standby.ns.getState())));
  }

  private static List<String> names(List<InodeStatus> entries) {
    return entries.stream().map(s -> s.getPath().substring(s.getPath().lastIndexOf('/') + 1))
        .toList();
  }

  /** The blocks the commands tell the DataNode to delete. */
  private static List<Block> deletes(List<DataNodeCommand> commands) {
    return commands.stream().filter(c -> c.getType() == DataNodeCommand.Type.DELETE)
        .flatMap(c -> c.getBlocks().stream()).toList();
  }
}
