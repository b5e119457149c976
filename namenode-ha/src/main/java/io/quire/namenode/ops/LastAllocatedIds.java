package io.quire.namenode.ops;

/**
 * Last allocated inode id, block id and generation stamp. Operations pick the next values at
 * validation time (under the write lock) and put them in their records; applying a record
 * raises them to the values it carries, so replay reproduces them.
 */
public final class LastAllocatedIds {
  /** First block id handed out (above any id a test might hard-code). */
  public static final long FIRST_BLOCK_ID = 1L << 30;
  /** First generation stamp (as HDFS's GenerationStamp.LAST_RESERVED_STAMP + 1). */
  public static final long FIRST_GENERATION_STAMP = 1001;

  private long lastInodeId;
  private long lastBlockId = FIRST_BLOCK_ID - 1;
  private long lastGenerationStamp = FIRST_GENERATION_STAMP - 1;

  public LastAllocatedIds(long lastInodeId) {
    this.lastInodeId = lastInodeId;
  }

  public long getLastInodeId() { return lastInodeId; }
  public long getLastBlockId() { return lastBlockId; }
  public long getLastGenerationStamp() { return lastGenerationStamp; }

  public void seenInodeId(long id) { lastInodeId = Math.max(lastInodeId, id); }
  public void seenBlockId(long id) { lastBlockId = Math.max(lastBlockId, id); }
  public void seenGenerationStamp(long gs) {
    lastGenerationStamp = Math.max(lastGenerationStamp, gs);
  }

  /** Restores all three (image load). */
  public void reset(long inodeId, long blockId, long generationStamp) {
    lastInodeId = inodeId;
    lastBlockId = blockId;
    lastGenerationStamp = generationStamp;
  }
}
