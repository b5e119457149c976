package io.quire.namenode.blocks;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * All blocks of all files, by id. Block ids grow with the journal (each AddBlock takes the next
 * one), so an id at or below the highest ever added that is not here belonged to a block that
 * is gone ({@link #isRemoved}), while a higher one belongs to a block whose record this
 * NameNode has not applied yet. Guarded by the namesystem lock.
 *
 * <p>Memory: a hash table keyed by the primitive id whose chains run through the blocks
 * themselves ({@link BlockInfo#mapNext}), as HDFS's BlocksMap over LightWeightGSet: per block
 * one table slot (4 bytes; the table doubles when it holds more blocks than slots, so 4 to 8
 * bytes a block) and the block's own link field, instead of a HashMap node (32 bytes), a boxed
 * id (24) and a slot. A block is in at most one map.
 */
public final class BlockMap {
  private static final int INITIAL_CAPACITY = 1024;

  private BlockInfo[] table = new BlockInfo[INITIAL_CAPACITY];
  private int size;
  private long highestId;
  /** Changes of membership, so an iteration sees a change made meanwhile. */
  private int modCount;

  private final Collection<BlockInfo> all = new AbstractCollection<>() {
    @Override public Iterator<BlockInfo> iterator() { return new Blocks(); }
    @Override public int size() { return size; }
  };

  public BlockInfo get(long blockId) {
    for (BlockInfo b = table[slot(blockId, table.length)]; b != null; b = b.mapNext) {
      if (b.getBlockId() == blockId) {
        return b;
      }
    }
    return null;
  }

  /** Adds {@code b}, replacing a block of the same id. */
  public void add(BlockInfo b) {
    long id = b.getBlockId();
    remove(id);
    if (size >= table.length) {
      resize(table.length * 2);
    }
    int i = slot(id, table.length);
    b.mapNext = table[i];
    table[i] = b;
    size++;
    modCount++;
    highestId = Math.max(highestId, id);
  }

  /** Removes and returns the block {@code blockId}, or null when it is not here. */
  public BlockInfo remove(long blockId) {
    int i = slot(blockId, table.length);
    BlockInfo prev = null;
    for (BlockInfo b = table[i]; b != null; prev = b, b = b.mapNext) {
      if (b.getBlockId() == blockId) {
        if (prev == null) {
          table[i] = b.mapNext;
        } else {
          prev.mapNext = b.mapNext;
        }
        b.mapNext = null;
        size--;
        modCount++;
        return b;
      }
    }
    return null;
  }

  /**
   * True when block {@code blockId} is not here and no record will add it: an id at least as
   * high was added (the block was removed or abandoned, or no AddBlock took that id).
   */
  public boolean isRemoved(long blockId) {
    return blockId <= highestId && get(blockId) == null;
  }

  public int size() { return size; }

  /**
   * Every block, as a read-only view: iteration order is unspecified, and adding or removing a
   * block while iterating makes the iteration throw {@link ConcurrentModificationException}.
   */
  public Collection<BlockInfo> all() { return all; }

  public void clear() {
    for (int i = 0; i < table.length; i++) {
      for (BlockInfo b = table[i], next; b != null; b = next) {
        next = b.mapNext;
        b.mapNext = null;
      }
    }
    table = new BlockInfo[INITIAL_CAPACITY];
    size = 0;
    highestId = 0;
    modCount++;
  }

  /** Number of table slots (tests). */
  int capacity() { return table.length; }

  private void resize(int capacity) {
    BlockInfo[] old = table;
    BlockInfo[] grown = new BlockInfo[capacity];
    for (BlockInfo head : old) {
      for (BlockInfo b = head, next; b != null; b = next) {
        next = b.mapNext;
        int i = slot(b.getBlockId(), capacity);
        b.mapNext = grown[i];
        grown[i] = b;
      }
    }
    table = grown;
  }

  /** The slot of {@code id} in a table of {@code capacity} (a power of two) slots. */
  private static int slot(long id, int capacity) {
    int h = Long.hashCode(id);
    return (h ^ (h >>> 16)) & (capacity - 1);
  }

  /** Iterates the table slot by slot, each chain in order. */
  private final class Blocks implements Iterator<BlockInfo> {
    private final int expectedModCount = modCount;
    private int nextSlot;
    private BlockInfo next;

    Blocks() {
      advance(null);
    }

    private void advance(BlockInfo from) {
      next = from == null ? null : from.mapNext;
      while (next == null && nextSlot < table.length) {
        next = table[nextSlot++];
      }
    }

    @Override public boolean hasNext() {
      return next != null;
    }

    @Override public BlockInfo next() {
      if (modCount != expectedModCount) {
        throw new ConcurrentModificationException("the block map changed while iterating");
      }
      if (next == null) {
        throw new NoSuchElementException();
      }
      BlockInfo b = next;
      advance(b);
      return b;
    }
  }
}
