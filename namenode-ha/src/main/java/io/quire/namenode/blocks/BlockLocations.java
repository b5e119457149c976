package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.protocol.types.ReplicaState;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Where one block is: the replicas DataNodes reported and, while the block is written, the
 * pipeline its writer was given. Volatile: never journaled, rebuilt from reports after a restart
 * and learnt by each NameNode of an HA pair on its own, so two NameNodes that applied the same
 * records may differ here and nowhere else. Only this package reads or changes it (report
 * processing, placement, the replication and decommission monitors); validators ask
 * {@link BlockManager}, and applying records never touches it.
 *
 * <p>A view of the block's {@link BlockInfo#triplets} (3 slots per replica: the
 * {@link Replica}, the previous and the next block of that DataNode's {@link DataNodeBlocks}
 * list; null while no replica is known) and of its pipeline; creating it allocates nothing
 * else. Replicas keep the order they were added in. The array is sized to the file's
 * replication on the first replica, grows by one replica beyond it and shrinks back when
 * replicas go; adding or removing a replica here links or unlinks the block in its DataNode's
 * list, so the two always agree. A DataNode is named here by its {@link DataNodeBlocks}
 * ({@link BlockManager#blocksOf}). Guarded by the namesystem lock.
 */
final class BlockLocations implements Iterable<Replica> {
  private final BlockInfo b;

  private BlockLocations(BlockInfo b) {
    this.b = b;
  }

  /** The locations of {@code b}. */
  static BlockLocations of(BlockInfo b) {
    return new BlockLocations(b);
  }

  /** The slot of the replica of {@code b} on {@code node}'s DataNode, or -1. */
  static int indexOf(BlockInfo b, DataNodeBlocks node) {
    Object[] t = b.triplets;
    if (t != null) {
      for (int i = 0; i < t.length && t[i] != null; i += 3) {
        if (((Replica) t[i]).list() == node) {
          return i / 3;
        }
      }
    }
    return -1;
  }

  /** Number of replicas of {@code b}. */
  private static int count(Object[] t) {
    if (t == null) {
      return 0;
    }
    int n = t.length / 3;
    while (n > 0 && t[3 * (n - 1)] == null) {
      n--;
    }
    return n;
  }

  /**
   * {@code b}'s stamp or length changed from {@code oldStamp} and {@code oldLength}: each
   * replica keeps its own (a replica that shared the block's becomes one of its own, one that
   * now matches becomes shared). Called by the block's setters.
   */
  static void rebase(BlockInfo b, long oldStamp, long oldLength) {
    Object[] t = b.triplets;
    for (int i = 0; i < t.length && t[i] != null; i += 3) {
      t[i] = ((Replica) t[i]).rebase(b, oldStamp, oldLength);
    }
  }

  int size() { return count(b.triplets); }

  boolean hasReplicas() { return b.triplets != null; }

  Replica get(int i) {
    int n = size();
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException(i + " >= " + n);
    }
    return (Replica) b.triplets[3 * i];
  }

  /** The replica on {@code node}'s DataNode, or null. */
  Replica find(DataNodeBlocks node) {
    int i = indexOf(b, node);
    return i < 0 ? null : (Replica) b.triplets[3 * i];
  }

  /**
   * Records {@code node}'s replica with these values: a new replica (its corrupt flag clear,
   * the block joins the node's list) or a change of the one known (its corrupt flag kept).
   * Returns the replica now recorded.
   */
  Replica put(DataNodeBlocks node, ReplicaState state, long generationStamp,
      long numBytes) {
    int i = indexOf(b, node);
    if (i >= 0) {
      Replica r = Replica.of(b, node, state, ((Replica) b.triplets[3 * i]).isCorrupt(),
          generationStamp, numBytes);
      b.triplets[3 * i] = r;
      return r;
    }
    Replica r = Replica.of(b, node, state, false, generationStamp, numBytes);
    int n = size();
    Object[] t = b.triplets;
    if (t == null) {
      t = new Object[3 * Math.max(1, (int) b.getExpectedReplication())];
    } else if (3 * n == t.length) {
      t = Arrays.copyOf(t, t.length + 3);
    }
    b.triplets = t;
    t[3 * n] = r;
    node.link(b, n);
    return r;
  }

  /** Marks {@code node}'s replica corrupt; returns false when there is none or it already is. */
  boolean markCorrupt(DataNodeBlocks node) {
    int i = indexOf(b, node);
    if (i < 0) {
      return false;
    }
    Replica r = (Replica) b.triplets[3 * i];
    if (r.isCorrupt()) {
      return false;
    }
    b.triplets[3 * i] = Replica.of(b, node, r.getState(), true, r.getGenerationStamp(b),
        r.getNumBytes(b));
    return true;
  }

  /** Removes {@code node}'s replica (the block leaves its list); false when there was none. */
  boolean remove(DataNodeBlocks node) {
    int i = indexOf(b, node);
    if (i < 0) {
      return false;
    }
    node.unlink(b, i);
    Object[] t = b.triplets;
    int n = count(t);
    System.arraycopy(t, 3 * (i + 1), t, 3 * i, 3 * (n - i - 1));
    Arrays.fill(t, 3 * (n - 1), 3 * n, null);
    n--;
    int keep = Math.max(n, b.getExpectedReplication());
    if (n == 0) {
      b.triplets = null;
    } else if (3 * keep < t.length) {
      b.triplets = Arrays.copyOf(t, 3 * keep);
    }
    return true;
  }

  /** Removes every replica (the block leaves every DataNode's list). */
  void clear() {
    Object[] t = b.triplets;
    for (int i = count(t) - 1; i >= 0; i--) {
      ((Replica) t[3 * i]).list().unlink(b, i);
    }
    b.triplets = null;
  }

  /** Pipeline a writer was given (empty when none). */
  List<DataNodeDescriptor> pipeline() { return b.pipeline(); }

  void setPipeline(List<DataNodeDescriptor> nodes) { b.setPipeline(nodes); }

  /** Iterates the replicas (no change of them while iterating). */
  @Override public Iterator<Replica> iterator() {
    Object[] t = b.triplets;
    return new Iterator<>() {
      private int next;

      @Override public boolean hasNext() {
        return t != null && next < t.length && t[next] != null;
      }

      @Override public Replica next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Replica r = (Replica) t[next];
        next += 3;
        return r;
      }
    };
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("[");
    String sep = "";
    for (Replica r : this) {
      sb.append(sep).append(r);
      sep = ", ";
    }
    List<DataNodeDescriptor> pipeline = pipeline();
    return sb.append(pipeline.isEmpty() ? "]" : "] pipeline " + pipeline).toString();
  }
}
