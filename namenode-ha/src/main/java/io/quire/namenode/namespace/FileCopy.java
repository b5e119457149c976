package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockInfo;

/**
 * A file as a snapshot holds it: its attributes, its blocks (the same {@link BlockInfo}s the
 * live file has, or had) and its length when the snapshot was taken. An append after the
 * snapshot grows the shared last block; a reader of the copy sees only {@link #length()}
 * bytes of it.
 */
public final class FileCopy extends SnapshotCopy {
  private final FileShape shape;
  /** null, one {@link BlockInfo}, or an array of two and more (as {@link InodeFile} keeps). */
  private final Object blocks;
  private final long length;

  public FileCopy(long id, String name, short permission, String owner, String group,
      long mtime, long atime, InodeFeatures features, short replication, long blockSize,
      BlockInfo[] blocks, long length) {
    super(id, name, permission, owner, group, mtime, atime, features);
    this.shape = FileShape.of(replication, blockSize);
    this.blocks = blocks.length == 0 ? null : blocks.length == 1 ? blocks[0] : blocks;
    this.length = length;
  }

  FileCopy(InodeFile f) {
    super(f);
    this.shape = f.getShape();
    this.blocks = f.blockStorage(); // never changed in place: shared
    this.length = f.computeLength();
  }

  @Override public boolean isDirectory() { return false; }

  public short getReplication() { return shape.replication(); }
  public long getPreferredBlockSize() { return shape.blockSize(); }
  public long length() { return length; }
  public int blockCount() { return FileBlocks.count(blocks); }

  public BlockInfo block(int i) {
    if (blocks instanceof BlockInfo b && i == 0) {
      return b;
    }
    return FileBlocks.toArray(blocks)[i];
  }
}
