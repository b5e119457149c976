package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.InodeStatus;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.InvalidPathHandleException;
import org.apache.hadoop.fs.Options.HandleOpt;
import org.apache.hadoop.fs.PathHandle;

/**
 * Creates and checks {@link QuirePathHandle}s. Supported: handles that stay at their path
 * ({@code moved(false)}), with or without a content check ({@code changed(false)} compares
 * the etag, or modification time and length when the NameNode gives no etag). Not supported:
 * {@code moved(true)} (the NameNode has no lookup by file id), which throws
 * UnsupportedOperationException as the FileSystem API prescribes.
 */
final class PathHandles {
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
    if (loc.allowChange()) {
      throw new UnsupportedOperationException("getPathHandle " + path + " "
          + Arrays.toString(opts) + ": handles that follow a moved file are not supported");
    }
    QuireFileStatus q = (QuireFileStatus) stat;
    String content = data.allowChange() ? null
        : contentTag(q.getEtag(), q.getModificationTime(), q.getLen());
    return new QuirePathHandle(path, q.getFileId(), content);
  }

  /**
   * Checks that the handle's file is still at its path (same file id) and, for a content
   * handle, unchanged; returns the path to open.
   */
  static String verify(ClientProtocol nn, PathHandle fd) throws IOException {
    QuirePathHandle h = QuirePathHandle.parse(fd);
    InodeStatus s = nn.getFileInfo(h.path());
    if (s == null) {
      throw new InvalidPathHandleException("open " + h + ": " + h.path() + " no longer exists");
    }
    if (s.getFileId() != h.fileId()) {
      throw new InvalidPathHandleException("open " + h + ": " + h.path()
          + " is now another file (id " + s.getFileId() + ")");
    }
    if (h.etag() != null
        && !h.etag().equals(contentTag(s.getEtag(), s.getModificationTime(), s.getLength()))) {
      throw new InvalidPathHandleException("open " + h + ": content of " + h.path()
          + " has changed");
    }
    return h.path();
  }

  private static String contentTag(String etag, long mtime, long length) {
    return etag != null && !etag.isEmpty() ? "etag:" + etag : "mtime:" + mtime + ":" + length;
  }
}
