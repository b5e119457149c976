package io.quire.namenode.namespace;

import io.quire.namenode.blocks.BlockInfo;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The blocks of an {@link InodeFile} as a mutable list: a view over the file's compact storage
 * (no block: null; one block: the block itself; more: an exact-size array), so a file pays no
 * list object and, with one block, no array either. Each change replaces or updates the
 * file's storage; made per call of {@link InodeFile#getBlocks}, so it costs nothing kept.
 */
final class FileBlocks extends AbstractList<BlockInfo> implements RandomAccess {
  private final InodeFile file;

  FileBlocks(InodeFile file) {
    this.file = file;
  }

  @Override public int size() { return count(file.blockStorage()); }

  @Override public BlockInfo get(int index) {
    Object s = file.blockStorage();
    check(index, count(s));
    return s instanceof BlockInfo b ? b : ((BlockInfo[]) s)[index];
  }

  @Override public BlockInfo set(int index, BlockInfo b) {
    Object s = file.blockStorage();
    check(index, count(s));
    if (s instanceof BlockInfo old) {
      file.setBlockStorage(b);
      return old;
    }
    BlockInfo[] a = ((BlockInfo[]) s).clone(); // a snapshot copy may share the old array
    BlockInfo old = a[index];
    a[index] = b;
    file.setBlockStorage(a);
    return old;
  }

  @Override public void add(int index, BlockInfo b) {
    Object s = file.blockStorage();
    int n = count(s);
    if (index < 0 || index > n) {
      throw new IndexOutOfBoundsException(index + " of " + n + " blocks");
    }
    if (n == 0) {
      file.setBlockStorage(b);
      return;
    }
    BlockInfo[] a = new BlockInfo[n + 1];
    BlockInfo[] old = toArray(s);
    System.arraycopy(old, 0, a, 0, index);
    a[index] = b;
    System.arraycopy(old, index, a, index + 1, n - index);
    file.setBlockStorage(a);
    modCount++;
  }

  @Override public BlockInfo remove(int index) {
    Object s = file.blockStorage();
    int n = count(s);
    check(index, n);
    BlockInfo[] old = toArray(s);
    BlockInfo removed = old[index];
    if (n == 1) {
      file.setBlockStorage(null);
    } else if (n == 2) {
      file.setBlockStorage(old[1 - index]);
    } else {
      BlockInfo[] a = new BlockInfo[n - 1];
      System.arraycopy(old, 0, a, 0, index);
      System.arraycopy(old, index + 1, a, index, n - index - 1);
      file.setBlockStorage(a);
    }
    modCount++;
    return removed;
  }

  @Override public void clear() {
    file.setBlockStorage(null);
    modCount++;
  }

  /** The blocks as an array (shared with the file when it holds several: never change it). */
  static BlockInfo[] toArray(Object storage) {
    if (storage == null) {
      return InodeFile.NO_BLOCKS;
    }
    return storage instanceof BlockInfo b ? new BlockInfo[] {b} : (BlockInfo[]) storage;
  }

  static int count(Object storage) {
    if (storage == null) {
      return 0;
    }
    return storage instanceof BlockInfo ? 1 : ((BlockInfo[]) storage).length;
  }

  private static void check(int index, int n) {
    if (index < 0 || index >= n) {
      throw new IndexOutOfBoundsException(index + " of " + n + " blocks");
    }
  }
}
