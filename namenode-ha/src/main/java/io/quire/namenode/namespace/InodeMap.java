package io.quire.namenode.namespace;

/**
 * The inode-id index: inode id to inode, without a per-entry object. An open-addressing table
 * of inodes (the key is read from the inode itself: {@link Inode#getId}), linear probing,
 * deletion by shifting back the entries after the removed one (no tombstones), a power of two
 * long, grown at 3/4 full and shrunk below 1/8 full (never under {@link #MIN_CAPACITY}).
 *
 * <p>Memory: one reference per slot, so 5.3 to 10.7 bytes per inode with compressed
 * references; a {@code HashMap<Long, Inode>} costs about 64 (node, boxed key, table slot).
 * Not thread-safe: guarded by the namesystem lock like the tree.
 */
final class InodeMap {
  static final int MIN_CAPACITY = 1 << 10;
  private Inode[] table = new Inode[MIN_CAPACITY];
  private int size;

  int size() { return size; }

  /** The inode with id {@code id}, or null. */
  Inode get(long id) {
    Inode[] t = table;
    int mask = t.length - 1;
    for (int at = slot(id, mask); ; at = (at + 1) & mask) {
      Inode i = t[at];
      if (i == null || i.getId() == id) {
        return i;
      }
    }
  }

  /** Adds {@code inode}, replacing the inode of the same id; returns the replaced one. */
  Inode put(Inode inode) {
    long id = inode.getId();
    int mask = table.length - 1;
    int at = slot(id, mask);
    for (Inode i = table[at]; i != null; i = table[at]) {
      if (i.getId() == id) {
        table[at] = inode;
        return i;
      }
      at = (at + 1) & mask;
    }
    table[at] = inode;
    if (++size > table.length - (table.length >>> 2)) {
      resize(table.length << 1);
    }
    return null;
  }

  /** Removes the inode with id {@code id}; returns it, or null when there was none. */
  Inode remove(long id) {
    Inode[] t = table;
    int mask = t.length - 1;
    int at = slot(id, mask);
    for (Inode i = t[at]; ; i = t[at]) {
      if (i == null) {
        return null;
      }
      if (i.getId() == id) {
        break;
      }
      at = (at + 1) & mask;
    }
    Inode removed = t[at];
    // Shift back each later entry of the run that would no longer be found past the hole.
    int hole = at;
    for (int next = (hole + 1) & mask; t[next] != null; next = (next + 1) & mask) {
      int home = slot(t[next].getId(), mask);
      // t[next] may move into the hole when its home is not in (hole, next] (cyclically).
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        t[hole] = t[next];
        hole = next;
      }
    }
    t[hole] = null;
    size--;
    if (t.length > MIN_CAPACITY && size < (t.length >>> 3)) {
      resize(t.length >>> 1);
    }
    return removed;
  }

  void clear() {
    table = new Inode[MIN_CAPACITY];
    size = 0;
  }

  /** Slots in the table (for tests and memory accounting). */
  int capacity() { return table.length; }

  private void resize(int capacity) {
    Inode[] old = table;
    Inode[] t = new Inode[capacity];
    int mask = capacity - 1;
    for (Inode i : old) {
      if (i != null) {
        int at = slot(i.getId(), mask);
        while (t[at] != null) {
          at = (at + 1) & mask;
        }
        t[at] = i;
      }
    }
    table = t;
  }

  /** Fibonacci hashing: spreads sequential ids (the common case) evenly. */
  private static int slot(long id, int mask) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
