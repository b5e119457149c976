package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFile;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The body of a checkpoint (the CheckpointStore adds its own header and checksum around it):
 * the whole {@link NamespaceState} that replay builds.
 *
 * <pre>
 *   int   version = {@link #VERSION} (1)
 *   long  last inode id, long last block id, long last generation stamp
 *   inode (the root), written depth-first:
 *     byte  kind (0 = directory, 1 = file)
 *     long  id; UTF name; short permission; UTF owner; UTF group; long mtime; long atime
 *     directory: int child count, then each child (in name order)
 *     file:      short replication; long preferred block size;
 *                boolean under construction [UTF client name, UTF client machine];
 *                int block count, then per block: long id, long generation stamp,
 *                long length, byte state (BlockState ordinal), long recovery id,
 *                boolean truncating
 * </pre>
 * Leases are rebuilt from the files under construction. Replica locations are not saved.
 */
public final class NamespaceImage {
  /** Current image body version. */
  public static final int VERSION = 1;

  private NamespaceImage() {}

  /** Writes the state; the caller holds at least the namesystem read lock. */
  public static void write(NamespaceState s, DataOutputStream out) throws IOException {
    out.writeInt(VERSION);
    Counters c = s.counters();
    out.writeLong(c.getLastInodeId());
    out.writeLong(c.getLastBlockId());
    out.writeLong(c.getLastGenerationStamp());
    writeInode(s.tree().getRoot(), out);
  }

  private static void writeInode(Inode i, DataOutputStream out) throws IOException {
    out.writeByte(i.isDirectory() ? 0 : 1);
    out.writeLong(i.getId());
    out.writeUTF(i.getName());
    out.writeShort(i.getPermission());
    out.writeUTF(i.getOwner());
    out.writeUTF(i.getGroup());
    out.writeLong(i.getModificationTime());
    out.writeLong(i.getAccessTime());
    if (i instanceof InodeDirectory d) {
      out.writeInt(d.getChildrenCount());
      for (Inode child : d.getChildren()) {
        writeInode(child, out);
      }
      return;
    }
    InodeFile f = (InodeFile) i;
    out.writeShort(f.getReplication());
    out.writeLong(f.getPreferredBlockSize());
    out.writeBoolean(f.isUnderConstruction());
    if (f.isUnderConstruction()) {
      out.writeUTF(f.getClientName());
      out.writeUTF(f.getClientMachine() == null ? "" : f.getClientMachine());
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
  }

  /** Replaces the state by the image's content (startup, before any replay). */
  public static void read(NamespaceState s, DataInputStream in) throws IOException {
    int version = in.readInt();
    if (version != VERSION) {
      throw new CorruptJournalException("load image: unsupported image body version "
          + version + " (expected " + VERSION + ")");
    }
    long inodeId = in.readLong();
    long blockId = in.readLong();
    long gs = in.readLong();
    s.blocks().clear();
    s.leases().clear();
    Inode root = readInode(in, null, s);
    if (!(root instanceof InodeDirectory)) {
      throw new CorruptJournalException("load image: the root is not a directory");
    }
    s.counters().reset(inodeId, blockId, gs);
  }

  private static Inode readInode(DataInputStream in, InodeDirectory parent, NamespaceState s)
      throws IOException {
    int kind = in.readByte();
    long id = in.readLong();
    String name = in.readUTF();
    short perm = in.readShort();
    String owner = in.readUTF();
    String group = in.readUTF();
    long mtime = in.readLong();
    long atime = in.readLong();
    Inode inode;
    if (kind == 0) {
      InodeDirectory d = new InodeDirectory(id, name, perm, owner, group, mtime);
      attach(s, parent, d);
      int n = in.readInt();
      for (int k = 0; k < n; k++) {
        readInode(in, d, s);
      }
      inode = d;
    } else if (kind == 1) {
      InodeFile f = new InodeFile(id, name, perm, owner, group, mtime, in.readShort(),
          in.readLong());
      if (in.readBoolean()) {
        f.setUnderConstruction(in.readUTF(), in.readUTF());
        s.leases().addFile(f.getClientName(), id);
      }
      int n = in.readInt();
      for (int k = 0; k < n; k++) {
        BlockInfo b = new BlockInfo(in.readLong(), in.readLong(), in.readLong(),
            BlockState.values()[in.readByte()]);
        b.setRecoveryId(in.readLong());
        b.setTruncating(in.readBoolean());
        b.setFile(f);
        f.getBlocks().add(b);
        s.blockManager().addBlock(b);
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
