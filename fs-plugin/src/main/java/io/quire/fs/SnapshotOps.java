package io.quire.fs;

import io.quire.protocol.types.SnapshotDiffEntry;
import io.quire.protocol.types.SnapshottableDirectory;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.fs.Path;

/** Snapshot calls with HDFS's semantics (see ClientProtocol): one NameNode call each. */
final class SnapshotOps {
  private final FsContext fs;

  SnapshotOps(FsContext fs) {
    this.fs = fs;
  }

  /** {@code hdfs dfsadmin -allowSnapshot}: superuser only. */
  void allowSnapshot(Path path) throws IOException {
    fs.nn().allowSnapshot(fs.write(path));
  }

  /** {@code hdfs dfsadmin -disallowSnapshot}: superuser only, refused while snapshots exist. */
  void disallowSnapshot(Path path) throws IOException {
    fs.nn().disallowSnapshot(fs.write(path));
  }

  /** The snapshot's path, unqualified, as HDFS answers ("Created snapshot /d/.snapshot/s1"). */
  Path createSnapshot(Path path, String name) throws IOException {
    String p = fs.write(path);
    try {
      return new Path(fs.nn().createSnapshot(p, name));
    } catch (HadoopIllegalArgumentException e) {
      throw Refusals.refused(e);
    }
  }

  void renameSnapshot(Path path, String oldName, String newName) throws IOException {
    String p = fs.write(path);
    try {
      fs.nn().renameSnapshot(p, oldName, newName);
    } catch (HadoopIllegalArgumentException e) {
      throw Refusals.refused(e);
    }
  }

  void deleteSnapshot(Path path, String name) throws IOException {
    fs.nn().deleteSnapshot(fs.write(path), name);
  }

  /** The snapshottable directories the caller owns (all for the superuser). */
  List<SnapshottableDirectory> getSnapshottableDirListing() throws IOException {
    fs.statistics().incrementReadOps(1);
    return fs.nn().getSnapshottableDirListing();
  }

  /** What changed from snapshot {@code from} to {@code to} ("" or "." : the current state). */
  List<SnapshotDiffEntry> getSnapshotDiffReport(Path path, String from, String to)
      throws IOException {
    return fs.nn().getSnapshotDiffReport(fs.read(path), from, to);
  }
}
