package io.quire.namenode.blocks;

/**
 * Life cycle of a block, as in HDFS, journaled: only records change it. UNDER_CONSTRUCTION:
 * being written; COMMITTED: the writer (or a block recovery) declared its final length;
 * COMPLETE: a record completed it: CloseFile (every block of the file), the AddBlock after the
 * next one (validation required the block's minimum replicas), CommitBlockSync closing the
 * file. Blocks of closed files are always COMPLETE. UNDER_RECOVERY: lease or truncate recovery
 * is running on it. Unlike HDFS, a replica report never completes a block: whether a COMMITTED
 * block has its replicas is derived ({@link BlockManager#isCompleteOrMinReplicated}).
 */
public enum BlockState { UNDER_CONSTRUCTION, COMMITTED, COMPLETE, UNDER_RECOVERY }
