package io.quire.fs;

import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.HadoopIllegalArgumentException;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The namespace calls of a {@code quire://} file system, with HDFS's semantics: status and
 * listings, mkdirs, rename (see {@link RenameSemantics}), delete, concat, truncate, block
 * locations, and lease recovery. Each counts one operation and goes to the NameNode once
 * (listings once per page).
 */
final class NamespaceOps {
  private final FsContext fs;
  /** The client's name: truncate and recoverLease act on behalf of its lease. */
  private final String clientName;

  NamespaceOps(FsContext fs, String clientName) {
    this.fs = fs;
    this.clientName = clientName;
  }

  FileStatus getFileStatus(Path f) throws IOException {
    String path = fs.read(f);
    InodeStatus s = fs.nn().getFileInfo(path);
    if (s == null) {
      throw new FileNotFoundException("getFileStatus: " + fs.paths().qualify(f) + ": not found");
    }
    return fs.paths().toStatus(s, path);
  }

  /** The listing, fetched page by page as the caller iterates ({@link ListingIterator}). */
  RemoteIterator<FileStatus> listStatusIterator(Path f) throws IOException {
    String path = fs.read(f);
    try {
      return new ListingIterator(fs.nn(), path, s -> fs.paths().toStatus(s, path));
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("listStatus: " + fs.paths().qualify(f) + ": not found");
    }
  }

  /**
   * The listing with each file's block locations in the same pages (one RPC per page, as
   * HDFS's listLocatedStatus), for {@link LocatedListingIterator}.
   */
  ListingIterator listingWithLocations(Path f) throws IOException {
    String path = fs.read(f);
    try {
      return new ListingIterator(fs.nn(), path, s -> fs.paths().toStatus(s, path), true);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("listStatus: " + fs.paths().qualify(f) + ": not found");
    }
  }

  /** Creates {@code f} and missing parents with {@code p} (the umask already applied). */
  boolean mkdirs(Path f, FsPermission p) throws IOException {
    String path = fs.write(f);
    try {
      return fs.nn().mkdirs(path, p.getMasked().toShort(), p.getUnmasked().toShort(), true);
    } catch (HadoopIllegalArgumentException e) {
      throw Refusals.refused(e);
    }
  }

  boolean rename(Path src, Path dst) throws IOException {
    String s = fs.write(src);
    return RenameSemantics.rename(fs.nn(), s, fs.paths().pathOf(dst));
  }

  void rename(Path src, Path dst, Options.Rename... options) throws IOException {
    String s = fs.write(src);
    RenameSemantics.renameWithOptions(fs.nn(), s, fs.paths().pathOf(dst), options);
  }

  /**
   * Deletes a path. The root is never deleted (HDFS semantics): false, or
   * PathIsNotEmptyDirectoryException for a non-recursive delete of a non-empty root.
   */
  boolean delete(Path f, boolean recursive) throws IOException {
    String path = fs.write(f);
    if (path.equals("/")) {
      InodeStatus root = fs.nn().getFileInfo("/");
      if (!recursive && root != null && root.getChildrenCount() > 0) {
        throw new PathIsNotEmptyDirectoryException("delete " + fs.paths().qualify(f)
            + ": the root directory is not empty");
      }
      return false;
    }
    return fs.nn().delete(path, recursive);
  }

  void concat(Path trg, Path[] psrcs) throws IOException {
    fs.statistics().incrementWriteOps(1);
    List<String> sources = new ArrayList<>(psrcs.length);
    for (Path p : psrcs) {
      sources.add(fs.paths().pathOf(p));
    }
    fs.nn().concat(fs.paths().pathOf(trg), sources);
  }

  boolean truncate(Path f, long newLength) throws IOException {
    return fs.nn().truncate(fs.write(f), newLength, clientName);
  }

  /** Block locations with the DataNodes' real hosts ("host"), names ("host:port") and racks. */
  BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len)
      throws IOException {
    if (file == null) {
      return null;
    }
    if (start < 0 || len < 0) {
      throw new IllegalArgumentException("getFileBlockLocations " + file.getPath()
          + ": negative start " + start + " or length " + len);
    }
    if (file.getLen() <= start) {
      return new BlockLocation[0];
    }
    LocatedBlocks lbs = fs.nn().getBlockLocations(fs.read(file.getPath()), start, len);
    if (lbs == null) {
      throw new FileNotFoundException("getFileBlockLocations: " + file.getPath() + ": not found");
    }
    return BlockLocations.convert(lbs.getBlocks());
  }

  boolean recoverLease(Path f) throws IOException {
    return fs.nn().recoverLease(requireFile(f, "recoverLease"), clientName);
  }

  boolean isFileClosed(Path f) throws IOException {
    return fs.nn().isFileClosed(requireFile(f, "isFileClosed"));
  }

  private String requireFile(Path f, String op) throws IOException {
    String path = fs.paths().pathOf(f);
    InodeStatus s = fs.nn().getFileInfo(path);
    if (s == null) {
      throw new FileNotFoundException(op + ": File does not exist: " + path);
    }
    if (s.isDirectory()) {
      throw new FileNotFoundException(op + ": Path is not a file: " + path);
    }
    return path;
  }
}
