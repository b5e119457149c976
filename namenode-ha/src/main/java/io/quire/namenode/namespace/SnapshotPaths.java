package io.quire.namenode.namespace;

import io.quire.protocol.exceptions.SnapshotAccessControlException;
import org.apache.hadoop.HadoopIllegalArgumentException;

/**
 * HDFS's {@code .snapshot} paths: {@code <dir>/.snapshot} lists the snapshots of the
 * snapshottable directory {@code dir}, {@code <dir>/.snapshot/<name>/...} reads the tree as
 * snapshot {@code name} holds it. {@code .snapshot} is no file's name, and nothing under it can
 * be changed.
 */
public final class SnapshotPaths {
  /** The reserved component. */
  public static final String DOT_SNAPSHOT = ".snapshot";

  private SnapshotPaths() {}

  /** Index of the first {@code .snapshot} component, or -1. */
  public static int indexOf(String[] components) {
    for (int k = 0; k < components.length; k++) {
      if (components[k].equals(DOT_SNAPSHOT)) {
        return k;
      }
    }
    return -1;
  }

  /** Whether {@code path} has a {@code .snapshot} component (cheap test, no validation). */
  public static boolean mentions(String path) {
    return path != null && path.contains("/" + DOT_SNAPSHOT)
        && indexOf(path.split("/")) >= 0;
  }

  /** {@code <dir>/.snapshot/<name>}. */
  public static String snapshotPath(String dir, String name) {
    return (dir.equals("/") ? "" : dir) + "/" + DOT_SNAPSHOT + "/" + name;
  }

  /**
   * Refuses a change of a path with a {@code .snapshot} component, with HDFS's errors:
   * creating {@code .snapshot} itself is a reserved name; anything below it is read-only.
   *
   * @throws HadoopIllegalArgumentException when the last component is {@code .snapshot}
   * @throws SnapshotAccessControlException for a path below a {@code .snapshot}
   */
  public static void checkWritable(String path, String op) throws SnapshotAccessControlException {
    if (path == null || !path.contains(DOT_SNAPSHOT)) {
      return;
    }
    String[] c = path.split("/");
    int at = indexOf(c);
    if (at < 0) {
      return;
    }
    int last = c.length - 1;
    if (at == last && (op.equals("mkdirs") || op.equals("create"))) {
      throw new HadoopIllegalArgumentException("\"" + DOT_SNAPSHOT + "\" is a reserved name.");
    }
    throw new SnapshotAccessControlException("Modification on a read-only snapshot is disallowed");
  }
}
