package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.namespace.DirectoryCopy;
import io.quire.namenode.namespace.FileCopy;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFeatures;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.Snapshot;
import io.quire.namenode.namespace.SnapshotCopy;
import io.quire.namenode.namespace.SnapshotList;
import io.quire.namenode.records.StringCodec;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot section of a checkpoint body (version 6 on), after the inode tree:
 *
 * <pre>
 *   int   last snapshot id
 *   int   snapshottable directory count, then per directory:
 *     long  inode id; int snapshot count, then per snapshot (creation order):
 *       int id; str name; long creation time; copy (the directory's copy)
 *   copy (pre-order, without recursion): int ref
 *     ref &gt;= 0: the copy written ref-th in this section (shared by several snapshots)
 *     ref = -1: a new copy: byte kind (0 directory, 1 file); long id; str name;
 *       short permission; str owner; str group; long mtime; long atime;
 *       features as the inodes' (NamespaceImage: byte flags, ACL, xattrs);
 *       directory: int child count, then the children's copies in name order;
 *       file: short replication; long preferred block size; long length;
 *             int block count, then per block: long id, long generation stamp, long length
 * </pre>
 * Writing each shared copy once keeps the sharing across a restart. A block that no live file
 * has any more is put back in the block map (COMPLETE, owned by a detached holder file); the
 * blocks' snapshot references are counted again after loading.
 */
final class SnapshotImage {
  private SnapshotImage() {}

  static void write(NamespaceState s, DataOutputStream out) throws IOException {
    out.writeInt(s.snapshottable().getLastSnapshotId());
    List<InodeDirectory> dirs = s.snapshottable().all();
    out.writeInt(dirs.size());
    Map<SnapshotCopy, Integer> written = new IdentityHashMap<>();
    for (InodeDirectory d : dirs) {
      out.writeLong(d.getId());
      List<Snapshot> list = d.getSnapshots().all();
      out.writeInt(list.size());
      for (Snapshot sn : list) {
        out.writeInt(sn.id());
        StringCodec.write(out, sn.name());
        out.writeLong(sn.creationTime());
        writeCopy(sn.root(), written, out);
      }
    }
  }

  private static void writeCopy(SnapshotCopy root, Map<SnapshotCopy, Integer> written,
      DataOutputStream out) throws IOException {
    Deque<SnapshotCopy> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      SnapshotCopy c = stack.pop();
      Integer ref = written.get(c);
      if (ref != null) {
        out.writeInt(ref);
        continue;
      }
      written.put(c, written.size());
      out.writeInt(-1);
      out.writeByte(c.isDirectory() ? 0 : 1);
      out.writeLong(c.getId());
      StringCodec.write(out, c.getName());
      out.writeShort(c.getPermission());
      StringCodec.write(out, c.getOwner());
      StringCodec.write(out, c.getGroup());
      out.writeLong(c.getModificationTime());
      out.writeLong(c.getAccessTime());
      NamespaceImage.writeFeatures(c.getFeatures(), out);
      if (c instanceof DirectoryCopy d) {
        out.writeInt(d.childCount());
        for (int k = d.childCount() - 1; k >= 0; k--) {
          stack.push(d.child(k));
        }
      } else {
        FileCopy f = (FileCopy) c;
        out.writeShort(f.getReplication());
        out.writeLong(f.getPreferredBlockSize());
        out.writeLong(f.length());
        out.writeInt(f.blockCount());
        for (int k = 0; k < f.blockCount(); k++) {
          BlockInfo b = f.block(k);
          out.writeLong(b.getBlockId());
          out.writeLong(b.getGenerationStamp());
          out.writeLong(b.getNumBytes());
        }
      }
    }
  }

  static void read(NamespaceState s, DataInputStream in) throws IOException {
    s.snapshottable().reset(in.readInt());
    int dirs = in.readInt();
    List<SnapshotCopy> byRef = new ArrayList<>();
    // the latest copy read of each directory: the next copy of it shares unchanged chunks
    Map<Long, DirectoryCopy> lastById = new HashMap<>();
    for (int k = 0; k < dirs; k++) {
      long id = in.readLong();
      Inode i = s.tree().getById(id);
      if (!(i instanceof InodeDirectory d)) {
        throw new CorruptJournalException("load image: snapshottable directory " + id
            + " is not a directory of the tree");
      }
      SnapshotList list = new SnapshotList();
      d.setSnapshots(list);
      s.snapshottable().add(d);
      int n = in.readInt();
      for (int j = 0; j < n; j++) {
        int snapshotId = in.readInt();
        String name = StringCodec.read(in);
        long time = in.readLong();
        SnapshotCopy root = readCopy(s, in, byRef, lastById);
        if (!(root instanceof DirectoryCopy rootDir)) {
          throw new CorruptJournalException("load image: snapshot " + name + " of " + id
              + " is not a directory");
        }
        list.add(new Snapshot(snapshotId, name, time, rootDir));
        SnapshotApplier.hold(rootDir);
      }
    }
  }

  /** A directory copy being read: its attributes and the children read so far. */
  private static final class Open {
    final Inode attrs;
    final InodeFeatures features;
    final SnapshotCopy[] children;
    final int ref;
    int next;

    Open(Inode attrs, InodeFeatures features, int n, int ref) {
      this.attrs = attrs;
      this.features = features;
      this.children = new SnapshotCopy[n];
      this.ref = ref;
    }

    DirectoryCopy build(Map<Long, DirectoryCopy> lastById) {
      DirectoryCopy d = new DirectoryCopy(attrs.getId(), attrs.getName(), attrs.getPermission(),
          attrs.getOwner(), attrs.getGroup(), attrs.getModificationTime(),
          attrs.getAccessTime(), features, children, lastById.get(attrs.getId()));
      lastById.put(d.getId(), d);
      return d;
    }
  }

  private static SnapshotCopy readCopy(NamespaceState s, DataInputStream in,
      List<SnapshotCopy> byRef, Map<Long, DirectoryCopy> lastById) throws IOException {
    Deque<Open> open = new ArrayDeque<>();
    SnapshotCopy done = null;
    do {
      SnapshotCopy c = null;
      int ref = in.readInt();
      if (ref >= 0) {
        if (ref >= byRef.size() || byRef.get(ref) == null) {
          throw new CorruptJournalException("load image: bad snapshot copy reference " + ref);
        }
        c = byRef.get(ref);
      } else {
        int index = byRef.size();
        byRef.add(null);
        int kind = in.readByte();
        long id = in.readLong();
        String name = StringCodec.read(in);
        short perm = in.readShort();
        String owner = StringCodec.read(in);
        String group = StringCodec.read(in);
        long mtime = in.readLong();
        long atime = in.readLong();
        InodeDirectory scratch = new InodeDirectory(id, name, perm, owner, group, mtime);
        scratch.setAccessTime(atime);
        NamespaceImage.readFeatures(scratch, in, NamespaceImage.VERSION);
        InodeFeatures features = scratch.getFeatures();
        if (kind == 0) {
          int n = in.readInt();
          if (n < 0) {
            throw new CorruptJournalException("load image: snapshot copy " + id + " has " + n
                + " children");
          }
          Open o = new Open(scratch, features, n, index);
          if (n > 0) {
            open.push(o);
          } else {
            c = o.build(lastById);
            byRef.set(index, c);
          }
        } else if (kind == 1) {
          c = readFile(s, in, scratch, features);
          byRef.set(index, c);
        } else {
          throw new CorruptJournalException("load image: unknown snapshot copy kind " + kind);
        }
      }
      while (c != null) {
        if (open.isEmpty()) {
          done = c;
          break;
        }
        Open top = open.peek();
        top.children[top.next++] = c;
        c = null;
        if (top.next == top.children.length) {
          open.pop();
          c = top.build(lastById);
          byRef.set(top.ref, c);
        }
      }
    } while (done == null);
    return done;
  }

  private static FileCopy readFile(NamespaceState s, DataInputStream in, Inode a,
      InodeFeatures features) throws IOException {
    short replication = in.readShort();
    long blockSize = in.readLong();
    long length = in.readLong();
    int n = in.readInt();
    if (n < 0) {
      throw new CorruptJournalException("load image: snapshot copy " + a.getId() + " has " + n
          + " blocks");
    }
    BlockInfo[] blocks = new BlockInfo[n];
    InodeFile holder = null;
    for (int k = 0; k < n; k++) {
      long id = in.readLong();
      long gs = in.readLong();
      long numBytes = in.readLong();
      BlockInfo b = s.blocks().get(id);
      if (b == null) {
        if (holder == null) {
          holder = new InodeFile(a.getId(), a.getName(), a.getPermission(), a.getOwner(),
              a.getGroup(), a.getModificationTime(), replication, blockSize);
        }
        b = new BlockInfo(id, gs, numBytes, BlockState.COMPLETE);
        b.setBlockCollection(holder);
        s.blockManager().addBlock(b);
      }
      blocks[k] = b;
    }
    return new FileCopy(a.getId(), a.getName(), a.getPermission(), a.getOwner(), a.getGroup(),
        a.getModificationTime(), a.getAccessTime(), features, replication, blockSize, blocks,
        length);
  }
}
