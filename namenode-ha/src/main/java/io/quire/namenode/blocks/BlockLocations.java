package io.quire.namenode.blocks;

import io.quire.namenode.datanodes.DatanodeDescriptor;
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
 * <p>Memory: {@link BlockInfo} holds a reference to it that stays null while nothing is known
 * ({@link #of} reads through it, {@link #edit} allocates, {@link #release} frees it once empty),
 * so a block of a NameNode that has loaded its image but heard no report costs 4 bytes here. A
 * block with locations costs this object (24 bytes) plus its replica array (16 + 4 per slot;
 * sized 3, the usual replication, and grown by half) plus a {@link Replica} (40 bytes) each: the
 * array replaces the ArrayList BlockInfo used to hold, so splitting the locations off costs
 * nothing per block. Guarded by the namesystem lock.
 */
final class BlockLocations implements Iterable<Replica> {
  /** What {@link #of} answers for a block without locations; never changed. */
  private static final BlockLocations NONE = new BlockLocations();
  private static final Replica[] NO_REPLICAS = new Replica[0];

  private Replica[] replicas = NO_REPLICAS;
  private int size;
  private List<DatanodeDescriptor> pipeline = List.of();

  private BlockLocations() {}

  /** The locations of {@code b}, for reading (an empty instance when none is known). */
  static BlockLocations of(BlockInfo b) {
    BlockLocations l = b.locations;
    return l == null ? NONE : l;
  }

  /** The locations of {@code b}, for changing (allocated on first use). */
  static BlockLocations edit(BlockInfo b) {
    if (b.locations == null) {
      b.locations = new BlockLocations();
    }
    return b.locations;
  }

  /** Frees the locations of {@code b} once they hold neither a replica nor a pipeline. */
  static void release(BlockInfo b) {
    BlockLocations l = b.locations;
    if (l != null && l.size == 0 && l.pipeline.isEmpty()) {
      b.locations = null;
    }
  }

  int size() { return size; }

  boolean hasReplicas() { return size > 0; }

  Replica get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i + " >= " + size);
    }
    return replicas[i];
  }

  /** The replica on {@code node}, or null. */
  Replica find(DatanodeDescriptor node) {
    for (int i = 0; i < size; i++) {
      if (replicas[i].getNode() == node) {
        return replicas[i];
      }
    }
    return null;
  }

  void add(Replica r) {
    checkNotShared();
    if (size == replicas.length) {
      replicas = Arrays.copyOf(replicas, Math.max(3, size + (size >> 1) + 1));
    }
    replicas[size++] = r;
  }

  /** Removes {@code r}; returns false when it was not here. */
  boolean remove(Replica r) {
    for (int i = 0; i < size; i++) {
      if (replicas[i] == r) {
        System.arraycopy(replicas, i + 1, replicas, i, size - i - 1);
        replicas[--size] = null;
        return true;
      }
    }
    return false;
  }

  void clearReplicas() {
    Arrays.fill(replicas, 0, size, null);
    size = 0;
  }

  /** Pipeline a writer was given (empty when none). */
  List<DatanodeDescriptor> pipeline() { return pipeline; }

  void setPipeline(List<DatanodeDescriptor> nodes) {
    checkNotShared();
    this.pipeline = List.copyOf(nodes);
  }

  private void checkNotShared() {
    if (this == NONE) {
      throw new IllegalStateException("the shared empty locations are read-only; use edit()");
    }
  }

  /** Iterates the replicas (no removal while iterating). */
  @Override public Iterator<Replica> iterator() {
    return new Iterator<>() {
      private int next;

      @Override public boolean hasNext() { return next < size; }

      @Override public Replica next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return replicas[next++];
      }
    };
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      sb.append(i == 0 ? "" : ", ").append(replicas[i]);
    }
    return sb.append(pipeline.isEmpty() ? "]" : "] pipeline " + pipeline).toString();
  }
}
