package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PathNames;
import io.quire.namenode.namespace.Subtree;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.EditRecord.*;
import java.util.ArrayList;
import java.util.List;

/** Applies the path-level records (directories, create, rename, delete, attributes, concat). */
final class TreeApplier {
  private final NamespaceState s;

  TreeApplier(NamespaceState s) {
    this.s = s;
  }

  void mkdir(Mkdir r) {
    InodeDirectory parent = dir(PathNames.parent(r.path()), r);
    InodeDirectory d = new InodeDirectory(r.inodeId(), PathNames.name(r.path()), r.permission(),
        r.owner(), r.group(), r.time());
    s.tree().add(parent, d);
    Usage.charge(parent, 1, 0);
    parent.setModificationTime(r.time());
    s.lastIds().seenInodeId(r.inodeId());
  }

  void createFile(CreateFile r) {
    InodeDirectory parent = dir(PathNames.parent(r.path()), r);
    Inode existing = parent.getChild(PathNames.name(r.path()));
    if (existing != null) {
      if (!r.overwrite() || existing.isDirectory()) {
        throw new IllegalStateException("apply " + r + ": path exists");
      }
      removeSubtree(existing);
    }
    InodeFile f = new InodeFile(r.inodeId(), PathNames.name(r.path()), r.permission(),
        r.owner(), r.group(), r.time(), r.replication(), r.blockSize());
    f.setUnderConstruction(r.clientName(), r.clientMachine(), r.owner()); // the creator
    s.tree().add(parent, f);
    Usage.charge(parent, 1, 0);
    s.leases().addFile(r.clientName(), f.getId());
    parent.setModificationTime(r.time());
    s.lastIds().seenInodeId(r.inodeId());
  }

  void rename(Rename r) {
    Inode src = inode(r.src(), r);
    InodeDirectory oldParent = src.getParent();
    InodeDirectory newParent = dir(PathNames.parent(r.dst()), r);
    Inode existing = newParent.getChild(PathNames.name(r.dst()));
    if (existing != null) {
      removeSubtree(existing);
    }
    long[] moved = Usage.of(src);
    Usage.charge(oldParent, -moved[0], -moved[1]);
    s.tree().move(src, newParent, PathNames.name(r.dst()));
    Usage.charge(newParent, moved[0], moved[1]);
    oldParent.setModificationTime(r.time());
    newParent.setModificationTime(r.time());
  }

  void delete(Delete r) {
    Inode i = inode(r.path(), r);
    InodeDirectory parent = i.getParent();
    removeSubtree(i);
    parent.setModificationTime(r.time());
  }

  void setPermission(SetPermission r) {
    inode(r.path(), r).setPermission(r.permission());
  }

  void setOwner(SetOwner r) {
    Inode i = inode(r.path(), r);
    if (r.owner() != null) {
      i.setOwner(r.owner());
    }
    if (r.group() != null) {
      i.setGroup(r.group());
    }
  }

  void setTimes(SetTimes r) {
    Inode i = inode(r.path(), r);
    if (r.modificationTime() >= 0) {
      i.setModificationTime(r.modificationTime());
    }
    if (r.accessTime() >= 0) {
      i.setAccessTime(r.accessTime());
    }
  }

  void setAcl(SetAcl r) {
    Inode i = inode(r.path(), r);
    i.setPermission(r.permission());
    i.setAcl(r.entries());
  }

  void setXAttr(SetXAttr r) {
    inode(r.path(), r).setXAttr(r.name(), r.value());
  }

  void removeXAttr(RemoveXAttr r) {
    if (!inode(r.path(), r).removeXAttr(r.name())) {
      throw new IllegalStateException("apply " + r + ": no such attribute");
    }
  }

  void setQuota(SetQuota r) {
    dir(r.path(), r).setQuota(r.nsQuota(), r.ssQuota());
  }

  void setReplication(SetReplication r) {
    InodeFile f = (InodeFile) inode(r.path(), r);
    long before = Usage.fileSpace(f);
    f.setReplication(r.replication());
    Usage.charge(f.getParent(), 0, Usage.fileSpace(f) - before);
    f.getBlocks().forEach(s.blockManager()::blockChanged);
  }

  void concat(Concat r) {
    InodeFile target = (InodeFile) inode(r.target(), r);
    long targetBefore = Usage.fileSpace(target);
    for (String src : r.sources()) {
      InodeFile f = (InodeFile) inode(src, r);
      Usage.charge(f.getParent(), -1, -Usage.fileSpace(f));
      for (BlockInfo b : f.getBlocks()) {
        b.setBlockCollection(target);
        target.getBlocks().add(b);
        s.blockManager().blockChanged(b); // the target's replication applies now
      }
      f.getBlocks().clear();
      f.getParent().setModificationTime(r.time());
      s.tree().remove(f);
    }
    Usage.charge(target.getParent(), 0, Usage.fileSpace(target) - targetBefore);
    target.setModificationTime(r.time());
    target.getParent().setModificationTime(r.time());
  }

  /** Removes an inode and everything below it, with their blocks and leases. */
  void removeSubtree(Inode root) {
    InodeDirectory parent = root.getParent();
    long[] removed = Usage.of(root);
    List<InodeFile> files = new ArrayList<>();
    Subtree.preOrder(root, i -> {
      if (i instanceof InodeFile f) {
        files.add(f);
      } else if (i.getSnapshots() != null) {
        s.snapshottable().remove((InodeDirectory) i); // validation: it has no snapshots
      }
    });
    for (InodeFile f : files) {
      InodeFile holder = null;
      for (BlockInfo b : f.getBlocks()) {
        holder = BlockRelease.release(s, b, f, holder);
      }
      if (f.isUnderConstruction()) {
        s.leases().removeFile(f.getClientName(), f.getId());
      }
    }
    s.tree().remove(root);
    Usage.charge(parent, -removed[0], -removed[1]);
  }

  private Inode inode(String path, Object rec) {
    Inode i = s.tree().get(path);
    if (i == null) {
      throw new IllegalStateException("apply " + rec + ": " + path + " does not exist");
    }
    return i;
  }

  private InodeDirectory dir(String path, Object rec) {
    if (inode(path, rec) instanceof InodeDirectory d) {
      return d;
    }
    throw new IllegalStateException("apply " + rec + ": " + path + " is not a directory");
  }
}
