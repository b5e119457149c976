package io.quire.namenode.ops;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.PathNames;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.protocol.exceptions.FSLimitException.MaxDirectoryItemsExceededException;
import io.quire.protocol.exceptions.FSLimitException.PathComponentTooLongException;
import io.quire.protocol.exceptions.FSLimitException.PathTooLongException;
import java.nio.charset.StandardCharsets;

/**
 * HDFS's file-system limits, checked where mkdirs, create and rename make a name (never when
 * records are replayed: what the limits of its time allowed stays loadable): the length of a
 * new name in UTF-8 bytes ({@code quire.namenode.fs-limits.max-component-length}), the
 * entries of the directory receiving it ({@code max-directory-items}), and the depth and
 * length of the whole path ({@code max-path-depth}, {@code max-path-length}). Messages name the
 * operation and the path, and end with HDFS's {@code limit=... length=/items=...}.
 */
final class FsLimits {
  private FsLimits() {}

  /**
   * Checks a path that will exist after the operation, whose components from index
   * {@code firstNew} on are names being made.
   *
   * @param op the operation and the path, e.g. "mkdirs /a/b"
   */
  static void checkNewPath(String op, ResolvedPath p, int firstNew, NameNodeOptions o)
      throws PathTooLongException, PathComponentTooLongException {
    if (p.depth() > o.maxPathDepth()) {
      throw new PathTooLongException(op + ": path too long: " + p.depth() + " levels,"
          + " limit=" + o.maxPathDepth() + " (quire.namenode.fs-limits.max-path-depth)");
    }
    if (p.path().length() > o.maxPathLength()) {
      throw new PathTooLongException(op + ": path too long: " + p.path().length()
          + " characters, limit=" + o.maxPathLength()
          + " (quire.namenode.fs-limits.max-path-length)");
    }
    int max = o.maxComponentLength();
    if (max == 0) {
      return;
    }
    String[] c = p.components();
    for (int k = Math.max(firstNew, 0); k < c.length; k++) {
      // A UTF-8 byte is at most one char, so a short name needs no encoding.
      int length = c[k].length() <= max / 3 ? -1 : c[k].getBytes(StandardCharsets.UTF_8).length;
      if (length > max) {
        throw new PathComponentTooLongException(op + ": the maximum path component name limit"
            + " of " + abbreviate(c[k]) + " in directory " + PathNames.join(c, k)
            + " is exceeded: limit=" + max + " length=" + length);
      }
    }
  }

  /** Checks that {@code parent} can take one more entry. */
  static void checkDirectoryItems(String op, Inode parent, NameNodeOptions o)
      throws MaxDirectoryItemsExceededException {
    if (parent instanceof InodeDirectory d && d.getChildrenCount() >= o.maxDirectoryItems()) {
      throw new MaxDirectoryItemsExceededException(op + ": the directory item limit of "
          + d.getFullPath() + " is exceeded: limit=" + o.maxDirectoryItems() + " items="
          + d.getChildrenCount());
    }
  }

  private static String abbreviate(String name) {
    return name.length() <= 300 ? name : name.substring(0, 300) + "...";
  }
}
