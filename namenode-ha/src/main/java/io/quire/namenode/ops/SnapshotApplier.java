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
import io.quire.namenode.namespace.SnapshotCopy;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Applies the snapshot records. Taking a snapshot copies what changed since the previous one
 * ({@link SnapshotFreezer}); copies count their holders (snapshots and directory copies) and a
 * block counts the file copies holding it, so taking one costs what it did not share;
 * deleting one lets go of the copies only it held and removes the blocks that neither a live
 * file nor another copy holds (their replicas are deleted as for any removed block).
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
    hold(root);
  }

  void delete(DeleteSnapshot r) {
    InodeDirectory d = snapshottable(r.path(), r);
    Snapshot gone = d.getSnapshots().remove(r.name());
    if (gone == null) {
      throw new IllegalStateException("apply " + r + ": no such snapshot");
    }
    d.changed();
    d.setModificationTime(r.time());
    release(s, gone.root());
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

  /**
   * A new holder of {@code root} (a snapshot): counts one reference on it; a copy held for the
   * first time (new, or held again after its last holder went: a live inode's current copy can
   * be) holds its children, and a file copy its blocks. Shared copies stop the walk, so this
   * costs what the snapshot did not share. Without recursion.
   */
  static void hold(SnapshotCopy root) {
    Deque<SnapshotCopy> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      SnapshotCopy c = stack.pop();
      if (c.addRef(1) != 1) {
        continue;
      }
      if (c instanceof FileCopy f) {
        for (int k = 0; k < f.blockCount(); k++) {
          f.block(k).addSnapshotRef(1);
        }
      } else {
        DirectoryCopy d = (DirectoryCopy) c;
        for (int k = 0; k < d.childCount(); k++) {
          stack.push(d.child(k));
        }
      }
    }
  }

  /**
   * A holder of {@code root} went: a copy no longer held lets its children go, a file copy its
   * blocks, and a block that neither a snapshot nor a live file holds any more is removed (its
   * replicas deleted).
   */
  static void release(NamespaceState s, SnapshotCopy root) {
    Deque<SnapshotCopy> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      SnapshotCopy c = stack.pop();
      if (c.addRef(-1) != 0) {
        continue;
      }
      if (c instanceof FileCopy f) {
        for (int k = 0; k < f.blockCount(); k++) {
          BlockInfo b = f.block(k);
          b.addSnapshotRef(-1);
          if (b.getSnapshotRefs() == 0 && !BlockRelease.isLive(s, b)
              && s.blocks().get(b.getBlockId()) == b) {
            s.blockManager().removeBlock(b);
          }
        }
      } else {
        DirectoryCopy d = (DirectoryCopy) c;
        for (int k = 0; k < d.childCount(); k++) {
          stack.push(d.child(k));
        }
      }
    }
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
