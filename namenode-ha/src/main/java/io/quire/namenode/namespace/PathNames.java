package io.quire.namenode.namespace;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.InvalidPathException;

/**
 * Validation and splitting of absolute Quire paths. Valid: starts with "/", no ".", ".." or
 * empty components (a trailing "/" is tolerated), no ":" in a component (as HDFS's
 * DFSUtil.isValidName).
 */
public final class PathNames {
  private static final String[] ROOT = new String[0];

  private PathNames() {}

  /** The components of {@code path} ("/" has none), or InvalidPathException naming op. */
  public static String[] split(String path, String op) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      throw new InvalidPathException(op + ": invalid path \"" + path
          + "\": not an absolute path");
    }
    if (path.length() == 1) {
      return ROOT;
    }
    List<String> parts = new ArrayList<>(8);
    int start = 1;
    int len = path.length();
    while (start <= len) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = len;
      }
      String c = path.substring(start, end);
      if (c.isEmpty()) {
        if (end != len) {
          throw new InvalidPathException(op + ": invalid path \"" + path + "\": empty name");
        }
      } else {
        check(c, path, op);
        parts.add(c);
      }
      start = end + 1;
    }
    return parts.toArray(ROOT);
  }

  private static void check(String c, String path, String op) {
    if (c.equals(".") || c.equals("..")) {
      throw new InvalidPathException(op + ": invalid path \"" + path + "\": component \"" + c
          + "\" is not allowed");
    }
    if (c.indexOf(':') >= 0) {
      throw new InvalidPathException(op + ": invalid path \"" + path
          + "\": ':' is not allowed in a name");
    }
  }

  /** Normalized form: "/" or "/a/b" without a trailing slash. */
  public static String join(String[] components, int count) {
    if (count == 0) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append('/').append(components[i]);
    }
    return sb.toString();
  }

  public static String normalize(String path, String op) {
    String[] c = split(path, op);
    return join(c, c.length);
  }

  /** Parent of a normalized path ("/" for "/a"). */
  public static String parent(String normalizedPath) {
    int i = normalizedPath.lastIndexOf('/');
    return i <= 0 ? "/" : normalizedPath.substring(0, i);
  }

  /** Last component of a normalized path ("" for "/"). */
  public static String name(String normalizedPath) {
    return normalizedPath.substring(normalizedPath.lastIndexOf('/') + 1);
  }
}
