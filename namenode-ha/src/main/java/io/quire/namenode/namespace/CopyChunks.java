package io.quire.namenode.namespace;

/**
 * The children of a {@link DirectoryCopy}, kept so that consecutive copies of a large
 * directory share what did not change. Up to {@link #FLAT_MAX} children: one array, sorted by
 * name. More: chunks of {@link #CHUNK} children by position (the last one shorter) in an
 * array of chunks; a chunk equal (same copies, same order) to the chunk at the same position
 * of the directory's previous copy is that chunk, shared.
 *
 * <p>Memory of a copy of a directory of n children with c changed since the previous copy
 * (overwritten or attribute changes in place; an insert or removal moves every later position,
 * so nothing after it is shared): n/16 * 4 bytes of chunk references plus at most c chunks of
 * 80 bytes, instead of n * 4 bytes for a whole array. A first copy costs 5.25 bytes per child.
 */
final class CopyChunks {
  static final int CHUNK = 16;
  static final int FLAT_MAX = 64;
  private static final SnapshotCopy[] NONE = new SnapshotCopy[0];

  private CopyChunks() {}

  /**
   * The storage for {@code children} (sorted by name; kept, not copied, when flat), sharing
   * chunks of {@code previous} (the storage of an earlier copy of the same directory, or null).
   */
  static Object of(SnapshotCopy[] children, Object previous) {
    int n = children.length;
    if (n == 0) {
      return NONE;
    }
    if (n <= FLAT_MAX) {
      return children;
    }
    SnapshotCopy[][] old = previous instanceof SnapshotCopy[][] p ? p : null;
    SnapshotCopy[][] chunks = new SnapshotCopy[(n + CHUNK - 1) / CHUNK][];
    for (int k = 0; k < chunks.length; k++) {
      int from = k * CHUNK;
      int len = Math.min(CHUNK, n - from);
      SnapshotCopy[] same = old != null && k < old.length ? old[k] : null;
      chunks[k] = same != null && equal(same, children, from, len) ? same
          : java.util.Arrays.copyOfRange(children, from, from + len);
    }
    return chunks;
  }

  static int count(Object storage) {
    if (storage instanceof SnapshotCopy[] flat) {
      return flat.length;
    }
    SnapshotCopy[][] chunks = (SnapshotCopy[][]) storage;
    return (chunks.length - 1) * CHUNK + chunks[chunks.length - 1].length;
  }

  static SnapshotCopy get(Object storage, int i) {
    if (storage instanceof SnapshotCopy[] flat) {
      return flat[i];
    }
    SnapshotCopy[][] chunks = (SnapshotCopy[][]) storage;
    if (i < 0 || i >= count(storage)) {
      throw new IndexOutOfBoundsException(i + " of " + count(storage) + " children");
    }
    return chunks[i / CHUNK][i % CHUNK];
  }

  private static boolean equal(SnapshotCopy[] chunk, SnapshotCopy[] children, int from,
      int len) {
    if (chunk.length != len) {
      return false;
    }
    for (int j = 0; j < len; j++) {
      if (chunk[j] != children[from + j]) {
        return false;
      }
    }
    return true;
  }
}
