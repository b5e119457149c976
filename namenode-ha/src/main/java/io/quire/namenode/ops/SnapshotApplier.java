package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.namespace.DirectoryCopy;
import io.quire.namenode.namespace.FileCopy;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.Snapshot;
import io.quire.namenode.namespace.SnapshotFreezer;
import io.quire.namenode.namespace.SnapshotList;
import io.quire.namenode.records.EditRecord.AllowSnapshot;
import io.quire.namenode.records.EditRecord.CreateSnapshot;
import io.quire.namenode.records.EditRecord.DeleteSnapshot;
import io.quire.namenode.records.EditRecord.DisallowSnapshot;
import io.quire.namenode.records.EditRecord.RenameSnapshot;

/**
 * Applies the snapshot records. Taking a snapshot copies what changed since the previous one
 * ({@link SnapshotFreezer}) and counts one reference on every block of its file copies;
 * deleting one takes them back and removes the blocks that neither a live file nor another
 * snapshot holds (their replicas are deleted as for any removed block).
 */
final class SnapshotApplier {
  private final NamespaceState s;

  SnapshotApplier(NamespaceState s) {
    this.s = s;
  }

  void allow(AllowSnapshot r) {
    InodeDirectory d = dir(r.path(), r);
    d.setSnapshots(new SnapshotList());
    s.snapshottable().add(d);
  }

  void disallow(DisallowSnapshot r) {
    InodeDirectory d = dir(r.path(), r);
    if (d.getSnapshots() == null || d.getSnapshots().size() > 0) {
      throw new IllegalStateException("apply " + r + ": not snapshottable or has snapshots");
    }
    d.setSnapshots(null);
    s.snapshottable().remove(d);
    SnapshotFreezer.forget(d);
  }

  void create(CreateSnapshot r) {
    InodeDirectory d = snapshottable(r.path(), r);
    d.changed();
    d.setModificationTime(r.time());
    DirectoryCopy root = SnapshotFreezer.freeze(d);
    d.getSnapshots().add(new Snapshot(r.snapshotId(), r.name(), r.time(), root));
    s.snapshottable().seenSnapshotId(r.snapshotId());
    count(root, 1);
  }

  void delete(DeleteSnapshot r) {
    InodeDirectory d = snapshottable(r.path(), r);
    Snapshot gone = d.getSnapshots().remove(r.name());
    if (gone == null) {
      throw new IllegalStateException("apply " + r + ": no such snapshot");
    }
    d.changed();
    d.setModificationTime(r.time());
    count(gone.root(), -1);
    SnapshotFreezer.files(gone.root(), f -> {
      for (int k = 0; k < f.blockCount(); k++) {
        BlockInfo b = f.block(k);
        if (b.getSnapshotRefs() == 0 && !BlockRelease.isLive(s, b)
            && s.blocks().get(b.getBlockId()) == b) {
          s.blockManager().removeBlock(b);
        }
      }
    });
    if (d.getSnapshots().size() == 0) {
      SnapshotFreezer.forget(d);
    }
  }

  void rename(RenameSnapshot r) {
    InodeDirectory d = snapshottable(r.path(), r);
    if (d.getSnapshots().get(r.oldName()) == null || d.getSnapshots().get(r.newName()) != null) {
      throw new IllegalStateException("apply " + r + ": snapshot missing or name taken");
    }
    d.getSnapshots().rename(r.oldName(), r.newName());
    d.changed();
    d.setModificationTime(r.time());
  }

  /** Adds {@code delta} to the snapshot references of every block of {@code root}'s files. */
  static void count(DirectoryCopy root, int delta) {
    SnapshotFreezer.files(root, (FileCopy f) -> {
      for (int k = 0; k < f.blockCount(); k++) {
        f.block(k).addSnapshotRef(delta);
      }
    });
  }

  private InodeDirectory snapshottable(String path, Object rec) {
    InodeDirectory d = dir(path, rec);
    if (d.getSnapshots() == null) {
      throw new IllegalStateException("apply " + rec + ": " + path + " is not snapshottable");
    }
    return d;
  }

  private InodeDirectory dir(String path, Object rec) {
    Inode i = s.tree().get(path);
    if (i instanceof InodeDirectory d) {
      return d;
    }
    throw new IllegalStateException("apply " + rec + ": " + path + " is not a directory");
  }
}
