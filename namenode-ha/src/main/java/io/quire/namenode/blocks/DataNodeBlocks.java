package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.protocol.types.ReplicaState;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * What the block side knows of one DataNode: the blocks with a replica on it, the replica values
 * they share, and the deletions it was ordered and has not confirmed. One per registered
 * DataNode, made by {@link BlockManager#blocksOf} and kept as long as the DataNode (the
 * datanodes package knows liveness and addresses, not blocks: the only link is this object's
 * {@link #getNode}).
 *
 * <p>The blocks are, as HDFS's DatanodeStorageInfo block list, a doubly linked list running
 * through the blocks' triplets (each replica slot holds the previous and the next block of its
 * DataNode's list; see {@link BlockInfo}), so it costs nothing per block beyond those two
 * references, and adding or removing a replica is O(1) plus a scan of the few replicas of the
 * neighbouring blocks. The {@link Replica} values shared by the DataNode's replicas that have
 * their block's stamp and length are kept here too, and each replica points here (not to the
 * DataNode), so the list is reached from a replica without a lookup. Only
 * {@link BlockLocations} links and unlinks (a block is here exactly while it has a replica on
 * this DataNode). Guarded by the namesystem lock.
 */
public final class DataNodeBlocks implements Iterable<BlockInfo> {
  private static final ReplicaState[] STATES = ReplicaState.values();

  private final DataNodeDescriptor node;
  private final Replica[] shared = new Replica[STATES.length * 2];
  /** Blocks told to be deleted here and not yet confirmed deleted. */
  private final Set<Long> pendingDeletes = new HashSet<>();
  private BlockInfo head;
  private int size;

  DataNodeBlocks(DataNodeDescriptor node) {
    this.node = node;
  }

  /** The DataNode whose blocks these are. */
  public DataNodeDescriptor getNode() { return node; }

  /**
   * Ids of blocks whose replica here was ordered deleted and whose deletion the node has not
   * confirmed yet; such a node is not a target for that block.
   */
  Set<Long> pendingDeletes() { return pendingDeletes; }

  /** Number of blocks with a replica here. */
  public int size() { return size; }

  public boolean isEmpty() { return size == 0; }

  /** Whether {@code b} has a replica here. */
  public boolean contains(BlockInfo b) {
    return BlockLocations.indexOf(b, this) >= 0;
  }

  /**
   * The replica value shared by this DataNode's replicas in {@code state} (see
   * {@link Replica}).
   */
  Replica shared(ReplicaState state, boolean corrupt) {
    int i = state.ordinal() * 2 + (corrupt ? 1 : 0);
    Replica r = shared[i];
    if (r == null) {
      r = Replica.shared(this, state, corrupt);
      shared[i] = r;
    }
    return r;
  }

  /** Puts {@code b}, whose replica slot {@code i} is this DataNode's, first in the list. */
  void link(BlockInfo b, int i) {
    Object[] t = b.triplets;
    t[3 * i + 1] = null;
    t[3 * i + 2] = head;
    if (head != null) {
      head.triplets[3 * BlockLocations.indexOf(head, this) + 1] = b;
    }
    head = b;
    size++;
  }

  /** Takes {@code b}, whose replica slot {@code i} is this DataNode's, out of the list. */
  void unlink(BlockInfo b, int i) {
    Object[] t = b.triplets;
    BlockInfo prev = (BlockInfo) t[3 * i + 1];
    BlockInfo next = (BlockInfo) t[3 * i + 2];
    if (prev == null) {
      head = next;
    } else {
      prev.triplets[3 * BlockLocations.indexOf(prev, this) + 2] = next;
    }
    if (next != null) {
      next.triplets[3 * BlockLocations.indexOf(next, this) + 1] = prev;
    }
    t[3 * i + 1] = null;
    t[3 * i + 2] = null;
    size--;
  }

  /**
   * Iterates the blocks, most recently added first. The block just returned may lose its
   * replica here meanwhile; any other change of this list fails the iteration
   * ({@link ConcurrentModificationException}) when it reaches a block no longer here.
   */
  @Override public Iterator<BlockInfo> iterator() {
    return new Iterator<>() {
      private BlockInfo next = head;

      @Override public boolean hasNext() {
        return next != null;
      }

      @Override public BlockInfo next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        BlockInfo b = next;
        int i = BlockLocations.indexOf(b, DataNodeBlocks.this);
        if (i < 0) {
          throw new ConcurrentModificationException(b + " left the block list of " + node
              + " while it was iterated");
        }
        next = (BlockInfo) b.triplets[3 * i + 2];
        return b;
      }
    };
  }

  @Override public String toString() {
    return node + ": " + size + " blocks";
  }
}
