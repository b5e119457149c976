package io.quire.namenode.blocks;

import java.util.List;

/**
 * What owns blocks, as far as this package needs to know it (HDFS's BlockCollection): a file
 * of the namespace, which implements it. A block points to its owner through this interface
 * ({@link BlockInfo#getBlockCollection}), so the blocks package never names the namespace's
 * types; the namespace, which holds blocks, depends on this package and not the reverse.
 * Read under the namesystem lock; only applying records changes what it answers.
 */
public interface BlockCollection {
  /** The owner's inode id. */
  long getId();

  /** The replication its blocks are kept at. */
  short getReplication();

  /** Its blocks, in file order (read-only here). */
  List<BlockInfo> getBlocks();

  /** Whether it is open for writing. */
  boolean isUnderConstruction();

  /** Sum of its blocks' lengths. */
  long computeLength();
}
