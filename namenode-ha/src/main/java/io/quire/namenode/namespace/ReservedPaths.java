package io.quire.namenode.namespace;

import java.io.FileNotFoundException;
import org.apache.hadoop.fs.InvalidPathException;

/**
 * HDFS's reserved namespace. {@code /.reserved} is no file's name: nothing can be created,
 * changed or deleted under it. {@code /.reserved/.inodes/<inodeId>[/more/names]} names the
 * inode with that id wherever it is now (and names below it, for a directory), so a reader
 * can follow a file that was renamed after it took the id (PathHandle {@code moved(true)}).
 *
 * <p>Reads (getFileInfo, getBlockLocations, listings, content summaries, isFileClosed) turn
 * such a path into the inode's current path under the read lock with {@link #toCurrentPath}
 * and then check permissions along that path as for any other read. Mutations refuse every
 * path under {@code /.reserved} ({@link #checkNotReserved}), so journal records only ever
 * carry real paths.
 */
public final class ReservedPaths {
  /** The reserved top-level directory. */
  public static final String RESERVED = "/.reserved";
  /** Prefix of inode paths: followed by the decimal inode id. */
  public static final String INODES = RESERVED + "/.inodes/";

  private ReservedPaths() {}

  /** The inode path of {@code inodeId}: {@code /.reserved/.inodes/<inodeId>}. */
  public static String inodePath(long inodeId) {
    return INODES + inodeId;
  }

  /** Whether {@code path} is {@code /.reserved} or below it. */
  public static boolean isReserved(String path) {
    return path != null && path.startsWith(RESERVED)
        && (path.length() == RESERVED.length() || path.charAt(RESERVED.length()) == '/');
  }

  /**
   * The current path that {@code path} names: an inode path becomes the path of its inode
   * (plus any names after the id); any other path is returned as it is. Call under the
   * namesystem lock.
   *
   * @throws InvalidPathException for another path under /.reserved or a malformed inode id
   * @throws FileNotFoundException when no inode has the id
   */
  public static String toCurrentPath(InodeTree tree, String path, String op)
      throws FileNotFoundException {
    if (!isReserved(path)) {
      return path;
    }
    if (!path.startsWith(INODES)) {
      throw new InvalidPathException(op + ": invalid path \"" + path + "\": under "
          + RESERVED + " only inode paths " + INODES + "<inode id> exist");
    }
    String rest = path.substring(INODES.length());
    int slash = rest.indexOf('/');
    String idText = slash < 0 ? rest : rest.substring(0, slash);
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw new InvalidPathException(op + ": invalid path \"" + path + "\": \"" + idText
          + "\" is not an inode id");
    }
    Inode inode = tree.getById(id);
    if (inode == null) {
      throw new FileNotFoundException(op + " " + path + ": no file or directory has inode id "
          + id);
    }
    String base = inode.getFullPath();
    if (slash < 0 || slash == rest.length() - 1) {
      return base;
    }
    return (base.equals("/") ? "" : base) + rest.substring(slash);
  }

  /**
   * Refuses a mutation of a path under /.reserved (including creating /.reserved itself), or
   * of a path through {@code .snapshot} ({@link SnapshotPaths#checkWritable}).
   *
   * @throws InvalidPathException naming the operation and the path
   */
  public static void checkNotReserved(String path, String op)
      throws io.quire.protocol.exceptions.SnapshotAccessControlException {
    SnapshotPaths.checkWritable(path, op);
    if (isReserved(path)) {
      throw new InvalidPathException(op + ": invalid path \"" + path + "\": " + RESERVED
          + " is reserved; changes through inode paths (" + INODES + "<id>) are not supported,"
          + " use the file's own path");
    }
  }
}
