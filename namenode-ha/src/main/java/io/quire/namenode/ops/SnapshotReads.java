package io.quire.namenode.ops;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.namespace.DirectoryCopy;
import io.quire.namenode.namespace.FileCopy;
import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.PathNames;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.Snapshot;
import io.quire.namenode.namespace.SnapshotCopy;
import io.quire.namenode.namespace.SnapshotPaths;
import io.quire.namenode.namespace.StatusFactory;
import io.quire.protocol.exceptions.SnapshotException;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.PathIsDirectoryException;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * Reads of paths through {@code .snapshot} (see {@link SnapshotPaths}): permissions are
 * checked on the live directories down to the snapshottable one, then on the copies as the
 * snapshot holds them. A file copy reads as long as it was when the snapshot was taken, from
 * the blocks it shared then (an append grew the last one: readers see only its old length).
 */
final class SnapshotReads {
  private final OpContext ctx;

  SnapshotReads(OpContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Where a {@code .snapshot} path leads: the snapshottable directory, and either nothing more
   * ({@code .snapshot} itself) or the copy at the path in a snapshot (null when missing).
   */
  record Target(String path, InodeDirectory dir, boolean dotSnapshot, SnapshotCopy copy) {}

  /**
   * @return null when the path has no {@code .snapshot} component
   * @throws FileNotFoundException when the directory before {@code .snapshot} is missing, not
   *     a snapshottable directory, or the snapshot does not exist
   */
  Target resolve(String path, String op, PermissionChecker pc) throws IOException {
    String[] c = PathNames.split(path, op);
    int at = SnapshotPaths.indexOf(c);
    if (at < 0) {
      return null;
    }
    String normalized = PathNames.join(c, c.length);
    ResolvedPath p = ctx.state().tree().resolve(PathNames.join(c, at), op);
    pc.checkTraverse(p, p.depth());
    Inode i = p.last();
    if (!(i instanceof InodeDirectory d) || d.getSnapshots() == null) {
      throw new FileNotFoundException(op + " " + normalized + ": " + p.path()
          + " is not a snapshottable directory");
    }
    pc.check(d, FsAction.EXECUTE);
    if (at == c.length - 1) {
      return new Target(normalized, d, true, null);
    }
    Snapshot s = d.getSnapshots().get(c[at + 1]);
    if (s == null) {
      return new Target(normalized, d, false, null);
    }
    SnapshotCopy cur = s.listedRoot();
    for (int k = at + 2; k < c.length && cur != null; k++) {
      if (!(cur instanceof DirectoryCopy dir)) {
        return new Target(normalized, d, false, null);
      }
      pc.check(dir, FsAction.EXECUTE);
      cur = dir.child(c[k]);
    }
    return new Target(normalized, d, false, cur);
  }

  InodeStatus getFileInfo(Target t) {
    if (t.dotSnapshot()) {
      return StatusFactory.dotSnapshotStatus(t.dir(), t.path());
    }
    return t.copy() == null ? null : StatusFactory.status(t.copy(), t.path());
  }

  DirectoryListing getListing(Target t, String startAfter, PermissionChecker pc)
      throws IOException {
    String after = startAfter == null ? "" : startAfter;
    int limit = ctx.options().listLimit();
    List<InodeStatus> page = new ArrayList<>();
    if (t.dotSnapshot()) {
      List<Snapshot> byName = new ArrayList<>(t.dir().getSnapshots().all());
      byName.sort(Comparator.comparing(Snapshot::name));
      int remaining = 0;
      for (Snapshot s : byName) {
        if (s.name().compareTo(after) <= 0) {
          continue;
        }
        if (page.size() >= limit) {
          remaining++;
          continue;
        }
        page.add(StatusFactory.status(s.listedRoot(), t.path() + "/" + s.name()));
      }
      return new DirectoryListing(page, remaining);
    }
    SnapshotCopy c = missing(t, "listStatus");
    if (c instanceof FileCopy) {
      return new DirectoryListing(List.of(StatusFactory.status(c, t.path())), 0);
    }
    DirectoryCopy d = (DirectoryCopy) c;
    pc.check(d, FsAction.READ_EXECUTE);
    int from = d.firstAfter(after);
    for (int k = from; k < d.childCount() && page.size() < limit; k++) {
      page.add(StatusFactory.status(d.child(k), t.path() + "/" + d.child(k).getName()));
    }
    return new DirectoryListing(page, d.childCount() - from - page.size());
  }

  ContentSummaryInfo getContentSummary(Target t, PermissionChecker pc) throws IOException {
    if (t.dotSnapshot()) {
      throw new SnapshotException("getContentSummary " + t.path()
          + ": a .snapshot directory has no content summary; ask for one snapshot");
    }
    SnapshotCopy c = missing(t, "getContentSummary");
    if (c.isDirectory()) {
      pc.check(c, FsAction.READ_EXECUTE);
    }
    return StatusFactory.summary(c);
  }

  FileCopy file(Target t, String op, FsAction access, PermissionChecker pc) throws IOException {
    SnapshotCopy c = t.dotSnapshot() ? null : t.copy();
    if (t.dotSnapshot() || (c != null && c.isDirectory())) {
      throw new PathIsDirectoryException(t.path());
    }
    missing(t, op);
    pc.check(c, access);
    return (FileCopy) c;
  }

  /** The copy's blocks overlapping [offset, end), each cut to what the copy holds of it. */
  LocatedBlocks getBlockLocations(FileCopy f, long offset, long end, String clientIp) {
    List<LocatedBlock> out = new ArrayList<>();
    long pos = 0;
    for (int k = 0; k < f.blockCount() && pos < f.length(); k++) {
      BlockInfo b = f.block(k);
      long visible = Math.min(b.getNumBytes(), f.length() - pos);
      if (pos < end && pos + visible > offset) {
        LocatedBlock lb = ctx.state().blockManager().locate(b, pos, clientIp);
        out.add(new LocatedBlock(lb.getBlock().withNumBytes(visible), pos, lb.getLocations(),
            lb.isCorrupt()));
      }
      pos += visible;
    }
    return new LocatedBlocks(f.length(), out, false, true);
  }

  private static SnapshotCopy missing(Target t, String op) throws FileNotFoundException {
    if (t.copy() == null) {
      throw new FileNotFoundException(op + " " + t.path() + ": no such file or directory");
    }
    return t.copy();
  }
}
