package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.Snapshot;
import io.quire.namenode.namespace.SnapshotList;
import io.quire.namenode.namespace.SnapshotPaths;
import io.quire.namenode.namespace.StatusFactory;
import io.quire.namenode.records.EditRecord.AllowSnapshot;
import io.quire.namenode.records.EditRecord.CreateSnapshot;
import io.quire.namenode.records.EditRecord.DeleteSnapshot;
import io.quire.namenode.records.EditRecord.DisallowSnapshot;
import io.quire.namenode.records.EditRecord.RenameSnapshot;
import io.quire.protocol.exceptions.SnapshotException;
import io.quire.protocol.types.SnapshottableDirectory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.fs.PathIsNotDirectoryException;

/**
 * The snapshot operations (HDFS's FSDirSnapshotOp and SnapshotManager), validated into
 * records with HDFS's checks and messages: allow and disallow need the superuser; create,
 * delete and rename need the directory's owner (or the superuser). Nested snapshottable
 * directories are refused, as HDFS does by default.
 */
public final class SnapshotOps {
  /** HDFS's per-directory snapshot limit (dfs.namenode.snapshot.max.limit default). */
  static final int MAX_SNAPSHOTS = 65536;

  private final OpContext ctx;

  public SnapshotOps(OpContext ctx) {
    this.ctx = ctx;
  }

  public OpResult<Void> allowSnapshot(String path) throws IOException {
    ctx.checker().checkSuperUser("allowSnapshot " + path);
    InodeDirectory d = directory(path, "allowSnapshot");
    if (d.getSnapshots() != null) {
      return OpResult.none(null);
    }
    for (InodeDirectory other : ctx.state().snapshottable().all()) {
      if (other.isDescendantOf(d)) {
        throw new SnapshotException("Nested snapshottable directories not allowed: path="
            + d.getFullPath() + ", the subdirectory " + other.getFullPath()
            + " is already a snapshottable directory.");
      }
      if (d.isDescendantOf(other)) {
        throw new SnapshotException("Nested snapshottable directories not allowed: path="
            + d.getFullPath() + ", the ancestor " + other.getFullPath()
            + " is already a snapshottable directory.");
      }
    }
    return OpResult.of(new AllowSnapshot(d.getFullPath()), null);
  }

  public OpResult<Void> disallowSnapshot(String path) throws IOException {
    ctx.checker().checkSuperUser("disallowSnapshot " + path);
    InodeDirectory d = directory(path, "disallowSnapshot");
    SnapshotList list = d.getSnapshots();
    if (list == null) {
      return OpResult.none(null);
    }
    if (list.size() > 0) {
      throw new SnapshotException("The directory " + d.getFullPath()
          + " has snapshot(s). Please redo the operation after removing all the snapshots.");
    }
    return OpResult.of(new DisallowSnapshot(d.getFullPath()), null);
  }

  /** Answers the snapshot's path, {@code <dir>/.snapshot/<name>}. */
  public OpResult<String> createSnapshot(String path, String name) throws IOException {
    InodeDirectory d = owned(path, "createSnapshot");
    String n = name == null ? defaultName(ctx.now()) : name;
    checkName(n);
    SnapshotList list = d.getSnapshots();
    if (list.get(n) != null) {
      throw new SnapshotException("Failed to add snapshot: there is already a snapshot with"
          + " the same name \"" + n + "\".");
    }
    if (list.size() >= MAX_SNAPSHOTS) {
      throw new SnapshotException("Failed to add snapshot: there are already " + list.size()
          + " snapshot(s) and the snapshot quota is " + MAX_SNAPSHOTS);
    }
    int id = ctx.state().snapshottable().getLastSnapshotId() + 1;
    String dir = d.getFullPath();
    return OpResult.of(new CreateSnapshot(dir, id, n, ctx.now()),
        SnapshotPaths.snapshotPath(dir, n));
  }

  public OpResult<Void> deleteSnapshot(String path, String name) throws IOException {
    InodeDirectory d = owned(path, "deleteSnapshot");
    if (d.getSnapshots().get(name) == null) {
      throw new SnapshotException("Cannot delete snapshot " + name + " from path "
          + d.getFullPath() + ": the snapshot does not exist.");
    }
    return OpResult.of(new DeleteSnapshot(d.getFullPath(), name, ctx.now()), null);
  }

  public OpResult<Void> renameSnapshot(String path, String oldName, String newName)
      throws IOException {
    InodeDirectory d = owned(path, "renameSnapshot");
    if (oldName.equals(newName)) {
      return OpResult.none(null);
    }
    checkName(newName);
    SnapshotList list = d.getSnapshots();
    if (list.get(oldName) == null) {
      throw new SnapshotException("The snapshot " + oldName + " does not exist for directory "
          + d.getFullPath());
    }
    if (list.get(newName) != null) {
      throw new SnapshotException("The snapshot " + newName + " already exists for directory "
          + d.getFullPath());
    }
    return OpResult.of(new RenameSnapshot(d.getFullPath(), oldName, newName, ctx.now()), null);
  }

  /** The snapshottable directories the caller owns (every one for the superuser). */
  public List<SnapshottableDirectory> getSnapshottableDirListing() {
    PermissionChecker pc = ctx.checker();
    List<SnapshottableDirectory> out = new ArrayList<>();
    for (InodeDirectory d : ctx.state().snapshottable().all()) {
      if (pc.isSuperUser() || pc.caller().user().equals(d.getOwner())) {
        String p = d.getFullPath();
        out.add(new SnapshottableDirectory(StatusFactory.status(d, p),
            d.getSnapshots().size(), MAX_SNAPSHOTS));
      }
    }
    return out;
  }

  /** The path of snapshot {@code snapshotId} (for a repeated createSnapshot), or null. */
  public String snapshotPathOf(int snapshotId) {
    for (InodeDirectory d : ctx.state().snapshottable().all()) {
      for (Snapshot s : d.getSnapshots().all()) {
        if (s.id() == snapshotId) {
          return SnapshotPaths.snapshotPath(d.getFullPath(), s.name());
        }
      }
    }
    return null;
  }

  /**
   * What changed under snapshottable {@code path} from {@code from} to {@code to} (snapshot
   * names; "" or "." for the current state). Needs read access to the directory.
   */
  public List<io.quire.protocol.types.SnapshotDiffEntry> diff(String path, String from,
      String to) throws IOException {
    PermissionChecker pc = ctx.checker();
    InodeDirectory d = snapshottable(
        ctx.state().tree().resolve(path, "getSnapshotDiffReport"), pc);
    pc.check(d, org.apache.hadoop.fs.permission.FsAction.READ);
    return SnapshotDiff.diff(d, snapshot(d, from), snapshot(d, to));
  }

  private static Snapshot snapshot(InodeDirectory d, String name) throws SnapshotException {
    if (name == null || name.isEmpty() || name.equals(".")) {
      return null;
    }
    Snapshot s = d.getSnapshots().get(name);
    if (s == null) {
      throw new SnapshotException("Cannot find the snapshot of directory " + d.getFullPath()
          + " with name " + name);
    }
    return s;
  }

  /** HDFS's default snapshot name: "s" + yyyyMMdd-HHmmss.SSS of the time (local zone). */
  static String defaultName(long time) {
    return new SimpleDateFormat("'s'yyyyMMdd-HHmmss.SSS").format(new Date(time));
  }

  /** HDFS's FSDirSnapshotOp.verifySnapshotName. */
  private static void checkName(String name) {
    if (name.contains("/")) {
      throw new HadoopIllegalArgumentException("Snapshot name cannot contain \"/\"");
    }
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains(":")
        || name.equals(SnapshotPaths.DOT_SNAPSHOT) || name.equals(".reserved")) {
      throw new HadoopIllegalArgumentException("Invalid snapshot name: " + name);
    }
  }

  /** The snapshottable directory at {@code path}, owned by the caller (or the superuser). */
  private InodeDirectory owned(String path, String op) throws IOException {
    PermissionChecker pc = ctx.checker();
    InodeDirectory d = snapshottable(resolve(path, op), pc);
    pc.checkOwner(d);
    return d;
  }

  /** The snapshottable directory {@code p} names, once the caller may traverse to it. */
  private static InodeDirectory snapshottable(ResolvedPath p, PermissionChecker pc)
      throws IOException {
    pc.checkTraverse(p, p.depth());
    Inode i = p.last();
    if (!(i instanceof InodeDirectory d) || d.getSnapshots() == null) {
      if (i == null) {
        throw new FileNotFoundException("Directory does not exist: " + p.path());
      }
      throw new SnapshotException("Directory is not a snapshottable directory: " + p.path());
    }
    return d;
  }

  private InodeDirectory directory(String path, String op) throws IOException {
    ResolvedPath p = resolve(path, op);
    Inode i = p.last();
    if (i == null) {
      throw new FileNotFoundException("Directory does not exist: " + p.path());
    }
    if (!(i instanceof InodeDirectory d)) {
      throw new PathIsNotDirectoryException(p.path());
    }
    return d;
  }

  private ResolvedPath resolve(String path, String op) throws IOException {
    io.quire.namenode.namespace.ReservedPaths.checkNotReserved(path, op);
    return ctx.state().tree().resolve(path, op);
  }
}
