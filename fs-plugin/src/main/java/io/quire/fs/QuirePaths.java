package io.quire.fs;

import io.quire.protocol.types.InodeStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Path qualification of one {@code quire://} file system: a Hadoop path (relative to the
 * working directory, or qualified with this file system's URI) becomes the absolute Quire path
 * the NameNode knows ({@code "/"} for the root), and the NameNode's statuses become
 * FileStatuses qualified with the URI. A path of another file system is refused by the check
 * the file system passes in (FileSystem#checkPath: IllegalArgumentException "Wrong FS").
 */
final class QuirePaths {
  private final URI uri;
  private final Consumer<Path> check;
  private volatile Path workingDir;

  QuirePaths(URI uri, Consumer<Path> check) {
    this.uri = uri;
    this.check = check;
  }

  /** The working directory, qualified; null until the file system has set it. */
  Path workingDirectory() {
    return workingDir;
  }

  void setWorkingDirectory(Path qualified) {
    this.workingDir = qualified;
  }

  /** The absolute Quire path of {@code p} (resolved against the working directory). */
  String pathOf(Path p) {
    check.accept(p);
    Path abs = p.isAbsolute() ? p : new Path(workingDir, p);
    String s = abs.toUri().getPath();
    return s.isEmpty() ? "/" : s;
  }

  /** {@code p} qualified with this file system's URI and working directory (for messages). */
  Path qualify(Path p) {
    return p.makeQualified(uri, workingDir);
  }

  /** A NameNode status as a FileStatus; a relative name is one of {@code listedDir}'s entries. */
  FileStatus toStatus(InodeStatus s, String listedDir) {
    String p = s.getPath();
    if (!p.startsWith("/")) {
      p = listedDir.endsWith("/") ? listedDir + p : listedDir + "/" + p;
    }
    return new QuireFileStatus(s, qualified(p));
  }

  /**
   * {@code quire://<authority><p>} for an absolute path as the NameNode sends it (normalized):
   * the same Path as {@code new Path(scheme, authority, p)}, built by resolving the path
   * against this file system's URI, so neither the authority is parsed again nor the path
   * normalized by regular expression for every entry of a listing (most of a listing's client
   * time before).
   */
  private Path qualified(String p) {
    try {
      return new Path(uri.resolve(new URI(null, null, p, null, null)));
    } catch (URISyntaxException e) {
      return new Path(uri.getScheme(), uri.getAuthority(), p);
    }
  }
}
