package io.quire.fs;

import java.io.IOException;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.PathFilter;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.util.functional.FunctionRaisingIOE;

/**
 * listLocatedStatus: streams a listing, keeps the entries the filter accepts and attaches the
 * block locations of files, as {@link QuireLocatedFileStatus} (etag preserved).
 */
final class LocatedListingIterator implements RemoteIterator<LocatedFileStatus> {
  private final RemoteIterator<FileStatus> listing;
  private final PathFilter filter;
  private final FunctionRaisingIOE<FileStatus, BlockLocation[]> locate;
  private LocatedFileStatus next;

  LocatedListingIterator(RemoteIterator<FileStatus> listing, PathFilter filter,
      FunctionRaisingIOE<FileStatus, BlockLocation[]> locate) {
    this.listing = listing;
    this.filter = filter;
    this.locate = locate;
  }

  @Override public boolean hasNext() throws IOException {
    while (next == null && listing.hasNext()) {
      FileStatus s = listing.next();
      if (filter.accept(s.getPath())) {
        BlockLocation[] locs = s.isFile() ? locate.apply(s) : null;
        next = new QuireLocatedFileStatus((QuireFileStatus) s, locs);
      }
    }
    return next != null;
  }

  @Override public LocatedFileStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("listLocatedStatus: no more entries");
    }
    LocatedFileStatus r = next;
    next = null;
    return r;
  }
}
