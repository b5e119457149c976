package io.quire.namenode.namespace;

import java.nio.charset.StandardCharsets;

/**
 * Inode names as UTF-8 bytes (HDFS's {@code INode#getLocalNameBytes}): half the memory of a
 * {@code String} for ASCII names and no {@code String} object. Names are ordered byte-wise,
 * unsigned, as HDFS orders a directory's children ({@code DFSUtil.compareBytes}): the order of
 * code points, so listings page in the order HDFS lists.
 */
public final class NameBytes {
  /** The root's name. */
  public static final byte[] EMPTY = new byte[0];

  private NameBytes() {}

  /** UTF-8 bytes of {@code name} ("" : the shared {@link #EMPTY}). */
  public static byte[] of(String name) {
    return name.isEmpty() ? EMPTY : name.getBytes(StandardCharsets.UTF_8);
  }

  public static String toString(byte[] name) {
    return name.length == 0 ? "" : new String(name, StandardCharsets.UTF_8);
  }

  /** Byte-wise unsigned comparison; a prefix sorts first. */
  public static int compare(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b);
  }

  /**
   * Binary search of {@code name} among the first {@code count} names of {@code names}: its
   * index, or -(insertion point) - 1.
   */
  static int indexOf(SortedNames names, int count, byte[] name) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(names.nameAt(mid), name);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }
}
