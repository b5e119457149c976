package io.quire.namenode.ops;

import io.quire.namenode.namespace.Inode;
import io.quire.namenode.namespace.InodeDirectory;
import io.quire.namenode.namespace.InodeFile;
import io.quire.namenode.namespace.PermissionChecker;
import io.quire.namenode.namespace.ReservedPaths;
import io.quire.namenode.namespace.ResolvedPath;
import io.quire.namenode.namespace.SnapshotPaths;
import io.quire.namenode.namespace.StatusFactory;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * Read-only namespace operations (run under the read lock). Access times are not updated.
 * Every path may be an inode path ({@code /.reserved/.inodes/<id>}, see {@link ReservedPaths}).
 */
public final class ReadOps {
  private final OpContext ctx;
  private final SnapshotReads snapshots;

  public ReadOps(OpContext ctx) {
    this.ctx = ctx;
    this.snapshots = new SnapshotReads(ctx);
  }

  /**
   * Status of the inode {@code inodeId} where it is now, for the answer of a repeated
   * {@code op} (create) that an earlier NameNode ran.
   *
   * @throws FileNotFoundException when the inode no longer exists
   */
  public InodeStatus statusOf(long inodeId, String op) throws IOException {
    Inode i = ctx.state().tree().getById(inodeId);
    if (i == null) {
      throw new FileNotFoundException(op + ": inode " + inodeId + " no longer exists");
    }
    return StatusFactory.status(i, i.getFullPath());
  }

  /**
   * The answer of an append of file {@code inodeId} (its last block when it has room, else
   * null), for a repeat of an append that an earlier NameNode ran. Needs the write lock (it
   * sets the block's pipeline).
   */
  public LocatedBlock lastBlockForAppend(long inodeId) throws IOException {
    Inode i = ctx.state().tree().getById(inodeId);
    if (!(i instanceof InodeFile f)) {
      throw new FileNotFoundException("append: file inode " + inodeId + " no longer exists");
    }
    return CreateOps.appendAnswer(ctx, f);
  }

  /** Status of {@code path} (an inode path too, see {@link ReservedPaths}), or null. */
  public InodeStatus getFileInfo(String path) throws IOException {
    String current;
    try {
      current = current(path, "getFileInfo");
    } catch (FileNotFoundException e) {
      return null;
    }
    if (SnapshotPaths.mentions(current)) {
      try {
        SnapshotReads.Target t = snapshots.resolve(current, "getFileInfo", ctx.checker());
        return snapshots.getFileInfo(t);
      } catch (FileNotFoundException e) {
        return null;
      }
    }
    ResolvedPath p = ctx.state().tree().resolve(current, "getFileInfo");
    ctx.checker().checkTraverse(p, p.depth());
    return p.exists() ? StatusFactory.status(p.last(), p.path()) : null;
  }

  public DirectoryListing getListing(String path, String startAfter) throws IOException {
    return getListing(path, startAfter, false, null);
  }

  /**
   * A page of {@code path}'s entries after {@code startAfter}; with {@code needLocation}, also
   * every listed file's located blocks (closest-first to {@code clientIp}), and the page ends
   * once its blocks reach the listing limit (HDFS's location budget; at least one entry).
   * Locations need READ_EXECUTE on the directory only, as in HDFS. A listing inside a snapshot
   * carries no locations (the client then asks per file).
   */
  public DirectoryListing getListing(String path, String startAfter, boolean needLocation,
      String clientIp) throws IOException {
    String current = current(path, "listStatus");
    PermissionChecker pc = ctx.checker();
    if (SnapshotPaths.mentions(current)) {
      return snapshots.getListing(snapshots.resolve(current, "listStatus", pc), startAfter, pc);
    }
    ResolvedPath p = ctx.state().tree().resolve(current, "listStatus");
    pc.checkTraverse(p, p.depth());
    Inode i = p.last();
    if (i == null) {
      throw new FileNotFoundException("listStatus " + p.path() + ": no such file or directory");
    }
    if (i instanceof InodeFile f) {
      List<InodeStatus> one = List.of(StatusFactory.status(i, p.path()));
      return needLocation ? new DirectoryListing(one, 0,
          List.of(FileLocations.whole(ctx.state().blockManager(), f, clientIp)))
          : new DirectoryListing(one, 0);
    }
    pc.check(i, FsAction.READ_EXECUTE);
    InodeDirectory d = (InodeDirectory) i;
    int from = d.firstAfter(startAfter == null ? "" : startAfter);
    int rest = d.getChildrenCount() - from;
    int limit = ctx.options().listLimit();
    List<InodeStatus> page = new ArrayList<>(Math.min(limit, rest));
    String prefix = p.isRoot() ? "/" : p.path() + "/";
    List<LocatedBlocks> locations = needLocation ? new ArrayList<>(page.size()) : null;
    int locationBudget = limit;
    for (int k = from; k < d.getChildrenCount(); k++) {
      if (page.size() >= limit || (needLocation && locationBudget <= 0 && !page.isEmpty())) {
        break;
      }
      Inode child = d.child(k);
      page.add(StatusFactory.status(child, prefix + child.getName()));
      if (needLocation) {
        LocatedBlocks lbs = child instanceof InodeFile f
            ? FileLocations.whole(ctx.state().blockManager(), f, clientIp) : FileLocations.NONE;
        locations.add(lbs);
        locationBudget -= lbs.getBlocks().size();
      }
    }
    int remaining = rest - page.size();
    return needLocation ? new DirectoryListing(page, remaining, locations)
        : new DirectoryListing(page, remaining);
  }

  public ContentSummaryInfo getContentSummary(String path) throws IOException {
    String current = current(path, "getContentSummary");
    PermissionChecker pc = ctx.checker();
    if (SnapshotPaths.mentions(current)) {
      return snapshots.getContentSummary(snapshots.resolve(current, "getContentSummary", pc),
          pc);
    }
    ResolvedPath p = ctx.state().tree().resolve(current, "getContentSummary");
    pc.checkTraverse(p, p.depth());
    if (!p.exists()) {
      throw new FileNotFoundException("getContentSummary " + p.path()
          + ": no such file or directory");
    }
    if (p.last().isDirectory()) {
      pc.check(p.last(), FsAction.READ_EXECUTE);
    }
    return StatusFactory.summary(p.last());
  }

  public boolean isFileClosed(String path) throws IOException {
    String current = current(path, "isFileClosed");
    if (SnapshotPaths.mentions(current)) {
      PermissionChecker pc = ctx.checker();
      snapshots.file(snapshots.resolve(current, "isFileClosed", pc), "isFileClosed",
          FsAction.NONE, pc);
      return true;
    }
    return !FileOpsSupport.file(ctx, current(path, "isFileClosed"), "isFileClosed",
        FsAction.NONE).isUnderConstruction();
  }

  private String current(String path, String op) throws FileNotFoundException {
    return ReservedPaths.toCurrentPath(ctx.state().tree(), path, op);
  }

  /** Blocks overlapping [offset, offset+length), closest replicas first for {@code clientIp}. */
  public LocatedBlocks getBlockLocations(String path, long offset, long length, String clientIp)
      throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("getBlockLocations " + path + ": negative offset "
          + offset + " or length " + length);
    }
    String current = current(path, "open");
    if (SnapshotPaths.mentions(current)) {
      PermissionChecker pc = ctx.checker();
      long end = length > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + length;
      return snapshots.getBlockLocations(snapshots.file(snapshots.resolve(current, "open", pc),
          "open", FsAction.READ, pc), offset, end, clientIp);
    }
    InodeFile f = FileOpsSupport.file(ctx, current, "open", FsAction.READ);
    long end = length > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + length;
    return FileLocations.of(ctx.state().blockManager(), f, offset, end, clientIp);
  }
}
