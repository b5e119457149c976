package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockCollection;
import io.quire.namenode.blocks.BlockInfo;
import java.util.List;

/**
 * A file: replication and block size ({@link FileShape}), its blocks in order, and while it
 * is open for writing (under construction) the lease holder's client name and machine and the
 * user the lease belongs to (the writer must present both), kept in the inode's features
 * ({@link UnderConstruction}) only while the file is open, as HDFS's
 * {@code FileUnderConstructionFeature}.
 *
 * <p>Memory (compressed references): 64 bytes (the {@link Inode} fields, the interned
 * {@link FileShape} and the block storage: nothing, the block itself, or an array for two
 * blocks and more; see {@link FileBlocks}).
 *
 * <p>Its blocks point back to it as their {@link BlockCollection} (the blocks package knows
 * files only through that interface); {@link #of} gives the file of a block.
 */
public final class InodeFile extends Inode implements BlockCollection {
  static final BlockInfo[] NO_BLOCKS = new BlockInfo[0];
  private FileShape shape;
  /** null, a {@link BlockInfo}, or a {@code BlockInfo[]} of two and more, never changed. */
  private Object blocks;

  public InodeFile(long id, String name, short permission, String owner, String group,
      long time, short replication, long blockSize) {
    super(id, name, permission, owner, group, time);
    this.shape = FileShape.of(replication, blockSize);
  }

  public InodeFile(long id, byte[] name, Ownership ownership, long time, short replication,
      long blockSize) {
    super(id, name, ownership, time);
    this.shape = FileShape.of(replication, blockSize);
  }

  /**
   * The file owning {@code b}, or null when none does ({@link BlockInfo#isDeleted}). Every
   * {@link BlockCollection} is a file: the namespace sets them, and this is its only type.
   */
  public static InodeFile of(BlockInfo b) {
    return (InodeFile) b.getBlockCollection();
  }

  @Override public boolean isDirectory() { return false; }

  @Override public short getReplication() { return shape.replication(); }
  public void setReplication(short replication) { shape = shape.withReplication(replication); }
  public long getPreferredBlockSize() { return shape.blockSize(); }
  /** Replication and block size (interned, shared). */
  public FileShape getShape() { return shape; }

  /**
   * The blocks, in file order: a mutable view of the file's blocks (mutate only while
   * applying records).
   */
  @Override public List<BlockInfo> getBlocks() { return new FileBlocks(this); }

  public int blockCount() { return FileBlocks.count(blocks); }

  /** The blocks as an array (may be shared with the file: never change it). */
  public BlockInfo[] blockArray() { return FileBlocks.toArray(blocks); }

  Object blockStorage() { return blocks; }

  void setBlockStorage(Object storage) { this.blocks = storage; }

  public BlockInfo getLastBlock() {
    Object s = blocks;
    if (s == null) {
      return null;
    }
    if (s instanceof BlockInfo b) {
      return b;
    }
    BlockInfo[] a = (BlockInfo[]) s;
    return a[a.length - 1];
  }

  @Override public boolean isUnderConstruction() { return underConstruction() != null; }

  public String getClientName() {
    UnderConstruction uc = underConstruction();
    return uc == null ? null : uc.clientName();
  }

  public String getClientMachine() {
    UnderConstruction uc = underConstruction();
    return uc == null ? null : uc.clientMachine();
  }

  /**
   * The user the lease belongs to: the creating or appending user; "" (no client user) while
   * the NameNode recovers or truncates the file; null only for files opened before leases
   * carried a user (journal record version 1, image versions 1 and 2): the client name alone
   * is checked then.
   */
  public String getLeaseUser() {
    UnderConstruction uc = underConstruction();
    return uc == null ? null : uc.leaseUser();
  }

  public void setUnderConstruction(String clientName, String clientMachine, String leaseUser) {
    if (clientName == null) {
      clearUnderConstruction();
      return;
    }
    features().setUnderConstruction(
        new UnderConstruction(clientName, clientMachine, leaseUser));
  }

  public void clearUnderConstruction() {
    InodeFeatures f = getFeatures();
    if (f != null) {
      f.setUnderConstruction(null);
      dropEmptyFeatures();
    }
  }

  private UnderConstruction underConstruction() {
    InodeFeatures f = getFeatures();
    return f == null ? null : f.underConstruction();
  }

  /** Sum of the block lengths known to the NameNode. */
  @Override public long computeLength() {
    Object s = blocks;
    if (s == null) {
      return 0;
    }
    if (s instanceof BlockInfo b) {
      return b.getNumBytes();
    }
    long len = 0;
    for (BlockInfo b : (BlockInfo[]) s) {
      len += b.getNumBytes();
    }
    return len;
  }
}
