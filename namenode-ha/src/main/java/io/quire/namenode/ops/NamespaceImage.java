package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.namespace.DirectoryQuota;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFeatures;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.Subtree;
import io.quire.namenode.namespace.Usage;
import io.quire.namenode.records.RecordFields;
import io.quire.namenode.records.StringCodec;
import io.quire.protocol.exceptions.CorruptJournalException;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.fs.permission.AclEntry;

/**
 * The body of a checkpoint (the CheckpointStore adds its own header and checksum around it):
 * the whole {@link NamespaceState} that replay builds.
 *
 * <pre>
 *   int   version = {@link #VERSION} (7)
 *   long  last inode id, long last block id, long last generation stamp
 *   inode (the root), then every inode below it in pre-order (children in name order):
 *     byte  kind (0 = directory, 1 = file)
 *     long  id; str name; short permission; str owner; str group; long mtime; long atime
 *     directory: int child count (its children follow, each with its own subtree)
 *     file:      short replication; long preferred block size;
 *                boolean under construction [str client name, str client machine,
 *                str lease user (may be null)];
 *                int block count, then per block: long id, long generation stamp,
 *                long length, byte state (BlockState ordinal), long recovery id,
 *                boolean truncating
 *     then (both kinds, version 4 on; for a directory before its children)
 *     byte  features: bit 0 ACL, bit 1 extended attributes, bit 2 quotas (version 5 on,
 *           directories only) (other bits: corrupt)
 *           [ACL: int count, then the stored entries as RecordFields.aclEntry writes them]
 *           [xattrs: int count, then per attribute: str name, bytes value (int length,
 *            -1 = null, + bytes), in the inode's order]
 *           [quotas: long name quota, long space quota (-1: none)]
 *   version 6 on: the snapshot section ({@link SnapshotImage}): snapshottable directories,
 *   their snapshots and the copies the snapshots hold
 *   version 7 on: the copies on truncate in progress ({@link TruncateCopies#write})
 * </pre>
 * Quota usage is not saved: it is recomputed once the tree is loaded (one walk). An image
 * without quotas for the root (versions 1-4) gives the root HDFS's default name quota.
 * {@code str} is {@link StringCodec}'s (int length + UTF-8, no size ceiling). Older versions
 * are still read: version 3 had no features byte (no ACLs or attributes), version 2 no lease
 * user either (null), version 1 neither, and its {@code str}
 * was DataOutput.writeUTF (at most 65535 bytes: a longer name made every checkpoint fail). Leases
 * are rebuilt from the files under construction. Replica locations are not saved. Written and read
 * without recursion.
 */
public final class NamespaceImage {
  /** Current image body version. */
  public static final int VERSION = 7;
  /** The first version with the copies on truncate ({@link TruncateCopies}) at the end. */
  static final int VERSION_TRUNCATE_COPIES = 7;
  /** The first version with the snapshot section ({@link SnapshotImage}) after the tree. */
  static final int VERSION_SNAPSHOTS = 6;
  /** The first version whose directories may carry quotas (features bit 2). */
  static final int VERSION_QUOTAS = 5;
  /** The first version whose inodes carry a features byte (ACL, extended attributes). */
  static final int VERSION_FEATURES = 4;
  /** The first version whose open files carry their lease user. */
  static final int VERSION_LEASE_USER = 3;
  /** The oldest body version still read (writeUTF strings). */
  static final int VERSION_WRITE_UTF = 1;

  private NamespaceImage() {}

  /** Writes the state; the caller holds at least the namesystem read lock. */
  public static void write(NamespaceState s, DataOutputStream out) throws IOException {
    out.writeInt(VERSION);
    LastAllocatedIds c = s.lastIds();
    out.writeLong(c.getLastInodeId());
    out.writeLong(c.getLastBlockId());
    out.writeLong(c.getLastGenerationStamp());
    Subtree.preOrder(s.tree().getRoot(), i -> writeInode(i, out));
    SnapshotImage.write(s, out);
    s.truncateCopies().write(out);
  }

  private static void writeInode(Inode i, DataOutputStream out) throws IOException {
    out.writeByte(i.isDirectory() ? 0 : 1);
    out.writeLong(i.getId());
    StringCodec.write(out, i.getName());
    out.writeShort(i.getPermission());
    StringCodec.write(out, i.getOwner());
    StringCodec.write(out, i.getGroup());
    out.writeLong(i.getModificationTime());
    out.writeLong(i.getAccessTime());
    if (i instanceof InodeDirectory d) {
      out.writeInt(d.getChildrenCount());
      writeFeatures(i.getFeatures(), out);
      return;
    }
    InodeFile f = (InodeFile) i;
    out.writeShort(f.getReplication());
    out.writeLong(f.getPreferredBlockSize());
    out.writeBoolean(f.isUnderConstruction());
    if (f.isUnderConstruction()) {
      StringCodec.write(out, f.getClientName());
      StringCodec.write(out, f.getClientMachine() == null ? "" : f.getClientMachine());
      StringCodec.write(out, f.getLeaseUser());
    }
    out.writeInt(f.getBlocks().size());
    for (BlockInfo b : f.getBlocks()) {
      out.writeLong(b.getBlockId());
      out.writeLong(b.getGenerationStamp());
      out.writeLong(b.getNumBytes());
      out.writeByte(b.getState().ordinal());
      out.writeLong(b.getRecoveryId());
      out.writeBoolean(b.isTruncating());
    }
    writeFeatures(i.getFeatures(), out);
  }

  /** The features byte and what it announces ({@code f} may be null: none). */
  static void writeFeatures(InodeFeatures f, DataOutputStream out) throws IOException {
    List<AclEntry> acl = f == null ? null : f.acl();
    int xattrs = f == null ? 0 : f.xattrCount();
    DirectoryQuota quota = f == null ? null : f.quota();
    out.writeByte((acl != null ? 1 : 0) | (xattrs > 0 ? 2 : 0) | (quota != null ? 4 : 0));
    if (acl != null) {
      out.writeInt(acl.size());
      for (AclEntry e : acl) {
        RecordFields.aclEntry(out, e);
      }
    }
    if (xattrs > 0) {
      out.writeInt(xattrs);
      for (int k = 0; k < xattrs; k++) {
        StringCodec.write(out, f.xattrName(k));
        RecordFields.bytes(out, f.xattrValue(k));
      }
    }
    if (quota != null) {
      out.writeLong(quota.nsQuota());
      out.writeLong(quota.ssQuota());
    }
  }

  static void readFeatures(Inode i, DataInputStream in, int version) throws IOException {
    int flags = in.readUnsignedByte();
    int known = version >= VERSION_QUOTAS && i.isDirectory() ? 7 : 3;
    if ((flags & ~known) != 0) {
      throw new CorruptJournalException("load image: inode " + i.getId()
          + " has unknown feature bits " + flags);
    }
    if ((flags & 1) != 0) {
      int n = count(in, i, "ACL entries");
      List<AclEntry> acl = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        acl.add(RecordFields.aclEntry(in));
      }
      i.setAcl(acl);
    }
    if ((flags & 2) != 0) {
      int n = count(in, i, "extended attributes");
      for (int k = 0; k < n; k++) {
        i.appendXAttr(StringCodec.read(in), RecordFields.bytes(in));
      }
    }
    if ((flags & 4) != 0) {
      ((InodeDirectory) i).restoreQuota(in.readLong(), in.readLong());
    }
  }

  private static int count(DataInputStream in, Inode i, String what) throws IOException {
    int n = in.readInt();
    if (n < 1 || n > 1024) {
      throw new CorruptJournalException("load image: inode " + i.getId() + " has " + n + " "
          + what);
    }
    return n;
  }

  /** A directory being read and how many of its children are still to come. */
  private static final class Open {
    final InodeDirectory dir;
    int left;

    Open(InodeDirectory dir, int left) {
      this.dir = dir;
      this.left = left;
    }
  }

  /**
   * Replaces the state by the image's content (startup, before any replay).
   *
   * @throws IncompatibleStorageException for a body version this NameNode does not read
   */
  public static void read(NamespaceState s, DataInputStream in) throws IOException {
    int version = in.readInt();
    if (version < VERSION_WRITE_UTF || version > VERSION) {
      throw new IncompatibleStorageException("load image: image body version " + version
          + " is not readable by this NameNode (it reads versions " + VERSION_WRITE_UTF
          + " to " + VERSION + ")");
    }
    Strings str = version == VERSION_WRITE_UTF ? in2 -> in2.readUTF() : StringCodec::read;
    long inodeId = in.readLong();
    long blockId = in.readLong();
    long gs = in.readLong();
    s.blocks().clear();
    s.leases().clear();
    Deque<Open> open = new ArrayDeque<>();
    Inode root = readInode(in, version, str, null, s, open);
    if (!(root instanceof InodeDirectory)) {
      throw new CorruptJournalException("load image: the root is not a directory");
    }
    while (!open.isEmpty()) {
      Open top = open.peek();
      if (top.left == 0) {
        open.pop();
        continue;
      }
      top.left--;
      readInode(in, version, str, top.dir, s, open);
    }
    InodeDirectory loadedRoot = s.tree().getRoot();
    if (loadedRoot.getQuota() == null) {
      loadedRoot.setQuota(DirectoryQuota.ROOT_NAMESPACE_QUOTA, -1);
    }
    Usage.recomputeAll(loadedRoot);
    s.lastIds().reset(inodeId, blockId, gs);
    if (version >= VERSION_SNAPSHOTS) {
      SnapshotImage.read(s, in);
    } else {
      s.snapshottable().reset(0);
    }
    if (version >= VERSION_TRUNCATE_COPIES) {
      s.truncateCopies().read(s, in);
    } else {
      s.truncateCopies().clear();
    }
  }

  @FunctionalInterface
  private interface Strings {
    String read(DataInputStream in) throws IOException;
  }

  /** Reads one inode and attaches it; a directory with children is pushed on {@code open}. */
  private static Inode readInode(DataInputStream in, int version, Strings str,
      InodeDirectory parent,
      NamespaceState s, Deque<Open> open) throws IOException {
    int kind = in.readByte();
    long id = in.readLong();
    String name = str.read(in);
    short perm = in.readShort();
    String owner = str.read(in);
    String group = str.read(in);
    long mtime = in.readLong();
    long atime = in.readLong();
    Inode inode;
    if (kind == 0) {
      InodeDirectory d = new InodeDirectory(id, name, perm, owner, group, mtime);
      attach(s, parent, d);
      int n = in.readInt();
      if (n < 0) {
        throw new CorruptJournalException("load image: directory " + id + " has " + n
            + " children");
      }
      if (version >= VERSION_FEATURES) {
        readFeatures(d, in, version);
      }
      if (n > 0) {
        open.push(new Open(d, n));
      }
      inode = d;
    } else if (kind == 1) {
      InodeFile f = new InodeFile(id, name, perm, owner, group, mtime, in.readShort(),
          in.readLong());
      if (in.readBoolean()) {
        f.setUnderConstruction(str.read(in), str.read(in),
            version >= VERSION_LEASE_USER ? StringCodec.read(in) : null);
        s.leases().addFile(f.getClientName(), id);
      }
      int n = in.readInt();
      for (int k = 0; k < n; k++) {
        BlockInfo b = new BlockInfo(in.readLong(), in.readLong(), in.readLong(),
            BlockState.values()[in.readByte()]);
        b.setRecoveryId(in.readLong());
        b.setTruncating(in.readBoolean());
        b.setBlockCollection(f);
        f.getBlocks().add(b);
        s.blockManager().addBlock(b);
      }
      if (version >= VERSION_FEATURES) {
        readFeatures(f, in, version);
      }
      attach(s, parent, f);
      inode = f;
    } else {
      throw new CorruptJournalException("load image: unknown inode kind " + kind);
    }
    inode.setModificationTime(mtime);
    inode.setAccessTime(atime);
    return inode;
  }

  private static void attach(NamespaceState s, InodeDirectory parent, Inode i) {
    if (parent == null) {
      s.tree().reset((InodeDirectory) i);
    } else {
      s.tree().add(parent, i);
    }
  }
}
