package io.quire.namenode.blocks;

/**
 * Life cycle of a block, as in HDFS. UNDER_CONSTRUCTION: being written; COMMITTED: the writer
 * declared its final length but too few replicas have reported it; COMPLETE: length final and
 * enough replicas (blocks of closed files are always COMPLETE); UNDER_RECOVERY: lease or
 * truncate recovery is running on it.
 */
public enum BlockState { UNDER_CONSTRUCTION, COMMITTED, COMPLETE, UNDER_RECOVERY }
