package io.quire.protocol.types;

import java.util.List;

/**
 * An instruction from the NameNode to a DataNode, carried back on a heartbeat or block-report
 * response.
 *
 * <ul>
 *   <li>{@link Type#DELETE}: delete the replicas of {@code blocks}.</li>
 *   <li>{@link Type#TRANSFER}: send a copy of each of {@code blocks} to the nodes in
 *       {@code targets.get(i)} (re-replication).</li>
 *   <li>{@link Type#RECOVER}: lease/block recovery. For each block (whose generation stamp is
 *       the one the replicas hold), this DataNode is the primary: it agrees with the replicas
 *       in {@code targets.get(i)} (itself included) on a length, bumps them to
 *       {@code newGenerationStamp} and calls {@code commitBlockSynchronization}. With a
 *       {@code newBlockId} (copy on truncate; 0: none) the replicas are not changed: each
 *       replica node copies the first {@code numBytes} of its replica to a new finalized
 *       replica of block {@code newBlockId} with {@code newGenerationStamp}, and the primary
 *       commits the new block.</li>
 *   <li>{@link Type#REGISTER}: the NameNode does not know this DataNode (e.g. it restarted):
 *       register again and send a full block report.</li>
 *   <li>{@link Type#BLOCK_REPORT}: send a full block report now.</li>
 * </ul>
 */
public final class DataNodeCommand {
  /** Kinds of command. */
  public enum Type { DELETE, TRANSFER, RECOVER, REGISTER, BLOCK_REPORT }

  private final Type type;
  private final List<Block> blocks;
  private final List<List<DataNodeInfo>> targets;
  private final long newGenerationStamp;
  private final long newBlockId;

  public DataNodeCommand(Type type, List<Block> blocks, List<List<DataNodeInfo>> targets,
      long newGenerationStamp) {
    this(type, blocks, targets, newGenerationStamp, 0);
  }

  /** A command with {@code newBlockId} (RECOVER of a copy on truncate; 0: none). */
  public DataNodeCommand(Type type, List<Block> blocks, List<List<DataNodeInfo>> targets,
      long newGenerationStamp, long newBlockId) {
    this.type = type;
    this.blocks = List.copyOf(blocks);
    this.targets = targets.stream().map(List::copyOf).toList();
    this.newGenerationStamp = newGenerationStamp;
    this.newBlockId = newBlockId;
  }

  public static DataNodeCommand delete(List<Block> blocks) {
    return new DataNodeCommand(Type.DELETE, blocks, List.of(), 0);
  }

  public static DataNodeCommand register() {
    return new DataNodeCommand(Type.REGISTER, List.of(), List.of(), 0);
  }

  public static DataNodeCommand blockReport() {
    return new DataNodeCommand(Type.BLOCK_REPORT, List.of(), List.of(), 0);
  }

  public Type getType() { return type; }
  public List<Block> getBlocks() { return blocks; }
  public List<List<DataNodeInfo>> getTargets() { return targets; }
  public long getNewGenerationStamp() { return newGenerationStamp; }
  /** RECOVER: the block the replicas' prefix is copied to (copy on truncate); 0: none. */
  public long getNewBlockId() { return newBlockId; }

  @Override public String toString() {
    return type + " " + blocks + (newBlockId != 0 ? " to blk_" + newBlockId : "");
  }
}
