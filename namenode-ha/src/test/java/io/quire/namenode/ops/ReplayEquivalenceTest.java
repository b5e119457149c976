package io.quire.namenode.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.testing.InMemoryJournal;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.RenameMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random operations (ACL and xattr ones included, with inheritance of default ACLs), then a
 * rebuild from the journal (and from an image) gives the same state.
 */
class ReplayEquivalenceTest {

  static String dump(NamespaceState s) {
    StringBuilder sb = new StringBuilder();
    dump(s.tree().getRoot(), "/", sb);
    LastAllocatedIds c = s.lastIds();
    sb.append("counters ").append(c.getLastInodeId()).append(' ').append(c.getLastBlockId())
        .append(' ').append(c.getLastGenerationStamp()).append('\n');
    sb.append("leases ").append(s.leases().size()).append(" blocks ").append(s.blocks().size());
    sb.append('\n');
    snapshots(s, sb);
    return sb.toString();
  }

  /**
   * Every snapshottable directory with its snapshots (id, name, time, the copies' trees with
   * lengths and blocks), the last snapshot id, and each block's snapshot references.
   */
  static void snapshots(NamespaceState s, StringBuilder sb) {
    sb.append("last snapshot id ").append(s.snapshottable().getLastSnapshotId()).append('\n');
    for (InodeDirectory d : s.snapshottable().all()) {
      sb.append("snapshottable ").append(d.getFullPath()).append('\n');
      for (io.quire.namenode.namespace.Snapshot sn : d.getSnapshots().all()) {
        sb.append(" snapshot ").append(sn.id()).append(' ').append(sn.name()).append(' ')
            .append(sn.creationTime()).append('\n');
        copy(sn.root(), "  ", sb);
      }
    }
    java.util.TreeMap<Long, String> refs = new java.util.TreeMap<>();
    for (BlockInfo b : s.blocks().all()) {
      refs.put(b.getBlockId(), b.getSnapshotRefs() + (b.isDeleted() ? " orphan"
          : " r" + b.getExpectedReplication()));
    }
    sb.append("refs ").append(refs).append('\n');
    java.util.TreeMap<Long, Long> copies = new java.util.TreeMap<>();
    for (TruncateCopies.Copy c : s.truncateCopies().all()) {
      copies.put(c.target().getBlockId(), c.source().getBlockId());
    }
    sb.append("copies ").append(copies).append('\n');
  }

  private static void copy(io.quire.namenode.namespace.SnapshotCopy c, String indent,
      StringBuilder sb) {
    sb.append(indent).append(c.getName()).append(' ').append(c.getId()).append(' ')
        .append(c.getPermission()).append(' ').append(c.getOwner()).append(' ')
        .append(c.getModificationTime()).append(" acl=").append(c.getAcl());
    if (c instanceof io.quire.namenode.namespace.FileCopy f) {
      sb.append(" len=").append(f.length()).append(" r=").append(f.getReplication());
      for (int k = 0; k < f.blockCount(); k++) {
        sb.append(' ').append(f.block(k).getBlockId());
      }
      sb.append('\n');
      return;
    }
    sb.append('\n');
    io.quire.namenode.namespace.DirectoryCopy d = (io.quire.namenode.namespace.DirectoryCopy) c;
    for (int k = 0; k < d.childCount(); k++) {
      copy(d.child(k), indent + " ", sb);
    }
  }

  private static void dump(Inode i, String path, StringBuilder sb) {
    sb.append(path).append(' ').append(i.getId()).append(' ').append(i.getPermission())
        .append(' ').append(i.getOwner()).append(':').append(i.getGroup()).append(' ')
        .append(i.getModificationTime()).append(' ').append(i.getAccessTime());
    if (i instanceof InodeDirectory d && d.getQuota() != null) {
      sb.append(' ').append(d.getQuota());
      long[] walked = io.quire.namenode.namespace.Usage.walk(d);
      if (walked[0] != d.getQuota().nsUsed() || walked[1] != d.getQuota().ssUsed()) {
        sb.append(" USAGE-DIFFERS-FROM-WALK ").append(walked[0]).append(' ').append(walked[1]);
      }
    }
    if (i.getFeatures() != null) {
      sb.append(" acl=").append(i.getAcl());
      for (int k = 0; k < i.getFeatures().xattrCount(); k++) {
        sb.append(' ').append(i.getFeatures().xattrName(k)).append('=')
            .append(java.util.Arrays.toString(i.getFeatures().xattrValue(k)));
      }
    }
    if (i instanceof InodeFile f) {
      sb.append(" r=").append(f.getReplication()).append(" uc=").append(f.getClientName());
      for (BlockInfo b : f.getBlocks()) {
        sb.append(' ').append(b.getBlockId()).append('_').append(b.getGenerationStamp())
            .append('_').append(b.getNumBytes()).append('_').append(b.getState());
      }
      sb.append('\n');
    } else {
      sb.append('\n');
      for (Inode c : ((InodeDirectory) i).getChildren()) {
        dump(c, (path.equals("/") ? "/" : path + "/") + c.getName(), sb);
      }
    }
  }

  @Test
  void replayAndImageRebuildTheSameNamespace() throws Exception {
    NamesystemFixture fx = new NamesystemFixture();
    fx.addDataNode(0);
    ClientProtocol nn = fx.client;
    Random rnd = new Random(42);
    int ok = 0;
    for (int d = 0; d < 2; d++) {
      nn.mkdirs("/d" + d, (short) 0755, (short) 0777, true);
      nn.allowSnapshot("/d" + d);
    }
    for (int i = 0; i < 800; i++) {
      fx.clock.addAndGet(7);
      String a = "/d" + rnd.nextInt(4) + "/x" + rnd.nextInt(6);
      String b = "/d" + rnd.nextInt(4) + "/x" + rnd.nextInt(6);
      try {
        String dir = "/d" + rnd.nextInt(3);
        switch (rnd.nextInt(19)) {
          case 0 -> nn.mkdirs(a, (short) 0755, (short) 0777, true);
          case 1 -> writeFile(fx, a, rnd.nextInt(3));
          case 2 -> nn.rename(a, b, RenameMode.values()[rnd.nextInt(3)]);
          case 3 -> nn.delete(a, rnd.nextBoolean());
          case 4 -> nn.setPermission(a, (short) rnd.nextInt(0777));
          case 5 -> nn.setTimes(a, rnd.nextInt(1000), rnd.nextInt(1000));
          case 6 -> nn.setReplication(a, (short) (1 + rnd.nextInt(3)));
          case 7 -> nn.concat(a, List.of(b));
          case 9 -> nn.modifyAclEntries(a.substring(0, 3), org.apache.hadoop.fs.permission
              .AclEntry.parseAclSpec(rnd.nextBoolean() ? "user:u" + rnd.nextInt(3) + ":r-x"
                  : "default:group:g" + rnd.nextInt(3) + ":rwx", true));
          case 10 -> nn.removeAcl(a);
          case 11 -> nn.setXAttr(a, "user.k" + rnd.nextInt(3),
              rnd.nextBoolean() ? null : new byte[] {(byte) rnd.nextInt()},
              java.util.EnumSet.of(org.apache.hadoop.fs.XAttrSetFlag.CREATE,
                  org.apache.hadoop.fs.XAttrSetFlag.REPLACE));
          case 12 -> nn.removeXAttr(a, "user.k" + rnd.nextInt(3));
          case 13 -> nn.createSnapshot(dir, "s" + rnd.nextInt(4));
          case 14 -> nn.deleteSnapshot(dir, "s" + rnd.nextInt(4));
          case 15 -> nn.renameSnapshot(dir, "s" + rnd.nextInt(4), "s" + rnd.nextInt(4));
          case 16 -> nn.append(a, "app").getBlock();
          case 17 -> nn.setQuota(a.substring(0, 3), 4 + rnd.nextInt(12),
              rnd.nextBoolean() ? -1 : 2048 * (1 + rnd.nextInt(8)));
          case 18 -> nn.setQuota(a.substring(0, 3), rnd.nextBoolean() ? -1 : Long.MAX_VALUE, -1);
          default -> nn.truncate(a, rnd.nextInt(3000), "trunc");
        }
        ok++;
      } catch (IOException | RuntimeException e) {
        // invalid random operations fail validation and journal nothing
      }
    }
    assertTrue(ok > 200, "too few successful operations: " + ok);
    nn.mkdirs("/toggled", (short) 0755, (short) 0777, true);
    nn.allowSnapshot("/toggled");
    nn.disallowSnapshot("/toggled");
    nn.allowSnapshot("/toggled");
    // copies on truncate: one committed later is not simulated here (no DataNode); one whose
    // snapshot is deleted while it is pending, and one of a file deleted meanwhile
    nn.mkdirs("/tc", (short) 0755, (short) 0777, true);
    nn.allowSnapshot("/tc");
    for (int k = 0; k < 3; k++) {
      writeFile(fx, "/tc/f" + k, 2);
    }
    nn.createSnapshot("/tc", "s");
    for (int k = 0; k < 3; k++) {
      nn.truncate("/tc/f" + k, 1200 + k, "trunc");
    }
    nn.delete("/tc/f2", false);
    nn.deleteSnapshot("/tc", "s");
    java.util.Set<io.quire.namenode.records.RecordType> journaled =
        java.util.EnumSet.noneOf(io.quire.namenode.records.RecordType.class);
    for (var r : fx.journal.records()) {
      journaled.add(io.quire.namenode.records.RecordCodec.decode(r.payload(), r.txId()).type());
    }
    assertTrue(journaled.containsAll(java.util.EnumSet.of(
        io.quire.namenode.records.RecordType.SET_ACL,
        io.quire.namenode.records.RecordType.SET_XATTR,
        io.quire.namenode.records.RecordType.REMOVE_XATTR,
        io.quire.namenode.records.RecordType.ALLOW_SNAPSHOT,
        io.quire.namenode.records.RecordType.DISALLOW_SNAPSHOT,
        io.quire.namenode.records.RecordType.CREATE_SNAPSHOT,
        io.quire.namenode.records.RecordType.DELETE_SNAPSHOT,
        io.quire.namenode.records.RecordType.RENAME_SNAPSHOT,
        io.quire.namenode.records.RecordType.SET_QUOTA,
        io.quire.namenode.records.RecordType.TRUNCATE_COPY)), "journaled: " + journaled);
    assertTrue(fx.ns.read(() -> fx.ns.getState().blocks().all().stream()
        .anyMatch(b -> b.getSnapshotRefs() > 0 && !b.isDeleted()
            && fx.ns.getState().tree().getById(InodeFile.of(b).getId()) != InodeFile.of(b))),
        "no block is held by a snapshot alone: the test does not cover retention");
    String before = dump(fx.ns.getState());
    assertTrue(!before.contains("USAGE-DIFFERS-FROM-WALK"), before);
    assertTrue(!before.contains("copies {}"), "no copy on truncate pending: " + before);
    assertTrue(before.contains("quota(ns=") && before.split("quota\\(ns=").length > 2, before);

    InMemoryJournal copy = new InMemoryJournal();
    var w = copy.openForWrite(1);
    for (var r : fx.journal.records()) {
      w.append(List.of(r.payload()));
    }
    NamesystemFixture replayed = new NamesystemFixture(NamesystemFixture.defaultConf(), copy);
    assertEquals(before, dump(replayed.ns.getState()));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NamespaceImage.write(fx.ns.getState(), new DataOutputStream(bytes));
    NamesystemFixture loaded = new NamesystemFixture();
    loaded.ns.updateVolatileState(() -> {
      NamespaceImage.read(loaded.ns.getState(),
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      return null;
    });
    assertEquals(before, dump(loaded.ns.getState()));
  }

  /** create + n blocks of 1000 bytes (reported by DataNode 0) + complete. */
  static void writeFile(NamesystemFixture fx, String path, int blocks) throws IOException {
    ClientProtocol nn = fx.client;
    long id = nn.create(path, (short) 0644, "w", true, true, (short) 1, 1024).getFileId();
    Block prev = null;
    for (int i = 0; i < blocks; i++) {
      LocatedBlock lb = nn.addBlock(path, id, "w", prev, List.of(), null);
      prev = lb.getBlock().withNumBytes(1000);
      fx.finalized(0, prev);
    }
    if (!nn.complete(path, id, "w", prev)) {
      throw new IOException("complete " + path + " returned false");
    }
  }
}
