package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.InodeStatus;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.InvalidPathHandleException;
import org.apache.hadoop.fs.Options.HandleOpt;
import org.apache.hadoop.fs.PathHandle;

/**
 * Creates and checks {@link QuirePathHandle}s, for every HandleOpt combination: handles that
 * stay at their path ({@code moved(false)}) or follow the file by id ({@code moved(true)},
 * through the NameNode's inode path {@code /.reserved/.inodes/<fileId>}), with or without a
 * content check ({@code changed(false)} compares the etag, or modification time and length
 * when the NameNode gives no etag).
 */
final class PathHandles {
  /** The NameNode's inode-path prefix (HDFS's {@code /.reserved/.inodes/}). */
  static final String INODES = "/.reserved/.inodes/";

  private PathHandles() {}

  static PathHandle create(FileStatus stat, String path, HandleOpt... opts) {
    if (!(stat instanceof QuireFileStatus)) {
      throw new IllegalArgumentException("getPathHandle " + stat.getPath()
          + ": not a status from a Quire file system");
    }
    HandleOpt.Data data = HandleOpt.getOpt(HandleOpt.Data.class, opts)
        .orElse(HandleOpt.changed(true));
    HandleOpt.Location loc = HandleOpt.getOpt(HandleOpt.Location.class, opts)
        .orElse(HandleOpt.moved(false));
    QuireFileStatus q = (QuireFileStatus) stat;
    String content = data.allowChange() ? null
        : contentTag(q.getEtag(), q.getModificationTime(), q.getLen());
    return new QuirePathHandle(path, q.getFileId(), loc.allowChange(), content);
  }

  /** The NameNode path that names the file with id {@code fileId} wherever it is. */
  static String inodePath(long fileId) {
    return INODES + fileId;
  }

  /**
   * Checks that the handle's file still exists (at its path, unless the handle follows moves)
   * with the same file id and, for a content handle, unchanged content; returns the path to
   * open: the inode path for a handle that follows moves, else the handle's path.
   */
  static String verify(ClientProtocol nn, PathHandle fd) throws IOException {
    QuirePathHandle h = QuirePathHandle.parse(fd);
    String lookup = h.followsMoves() ? inodePath(h.fileId()) : h.path();
    InodeStatus s;
    try {
      s = nn.getFileInfo(lookup);
    } catch (java.io.FileNotFoundException e) {
      s = null;
    }
    if (s == null) {
      throw new InvalidPathHandleException("open " + h + ": "
          + (h.followsMoves() ? "file id " + h.fileId() : h.path()) + " no longer exists");
    }
    if (s.getFileId() != h.fileId()) {
      throw new InvalidPathHandleException("open " + h + ": " + h.path()
          + " is now another file (id " + s.getFileId() + ")");
    }
    if (h.etag() != null
        && !h.etag().equals(contentTag(s.getEtag(), s.getModificationTime(), s.getLength()))) {
      throw new InvalidPathHandleException("open " + h + ": content of " + s.getPath()
          + " has changed");
    }
    return lookup;
  }

  private static String contentTag(String etag, long mtime, long length) {
    return etag != null && !etag.isEmpty() ? "etag:" + etag : "mtime:" + mtime + ":" + length;
  }
}
