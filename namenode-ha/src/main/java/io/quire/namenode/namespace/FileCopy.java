package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockInfo;

/**
 * A file as a snapshot holds it: its attributes, its blocks (the same {@link BlockInfo}s the
 * live file has, or had) and its length when the snapshot was taken. An append after the
 * snapshot grows the shared last block; a reader of the copy sees only {@link #length()}
 * bytes of it.
 */
public final class FileCopy extends SnapshotCopy {
  private final short replication;
  private final long blockSize;
  private final BlockInfo[] blocks;
  private final long length;

  public FileCopy(long id, String name, short permission, String owner, String group,
      long mtime, long atime, InodeFeatures features, short replication, long blockSize,
      BlockInfo[] blocks, long length) {
    super(id, name, permission, owner, group, mtime, atime, features);
    this.replication = replication;
    this.blockSize = blockSize;
    this.blocks = blocks;
    this.length = length;
  }

  FileCopy(InodeFile f) {
    super(f);
    this.replication = f.getReplication();
    this.blockSize = f.getPreferredBlockSize();
    this.blocks = f.getBlocks().toArray(new BlockInfo[0]);
    this.length = f.computeLength();
  }

  @Override public boolean isDirectory() { return false; }

  public short getReplication() { return replication; }
  public long getPreferredBlockSize() { return blockSize; }
  public long length() { return length; }
  public int blockCount() { return blocks.length; }
  public BlockInfo block(int i) { return blocks[i]; }
}
