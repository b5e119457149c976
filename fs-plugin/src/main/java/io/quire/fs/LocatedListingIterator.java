package io.quire.fs;

import io.quire.protocol.types.LocatedBlocks;
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
 * block locations of files, as {@link QuireLocatedFileStatus} (etag preserved). The locations
 * come with the listing's pages (one RPC per page); only when a page lacks them (an older
 * NameNode, a snapshot path) does it ask per file.
 */
final class LocatedListingIterator implements RemoteIterator<LocatedFileStatus> {
  private final ListingIterator listing;
  private final PathFilter filter;
  private final FunctionRaisingIOE<FileStatus, BlockLocation[]> locate;
  private LocatedFileStatus next;

  LocatedListingIterator(ListingIterator listing, PathFilter filter,
      FunctionRaisingIOE<FileStatus, BlockLocation[]> locate) {
    this.listing = listing;
    this.filter = filter;
    this.locate = locate;
  }

  @Override public boolean hasNext() throws IOException {
    while (next == null && listing.hasNext()) {
      FileStatus s = listing.next();
      if (filter.accept(s.getPath())) {
        BlockLocation[] locs = s.isFile() ? locations(s) : null;
        next = new QuireLocatedFileStatus((QuireFileStatus) s, locs);
      }
    }
    return next != null;
  }

  private BlockLocation[] locations(FileStatus s) throws IOException {
    LocatedBlocks listed = listing.lastLocations();
    if (listed == null) {
      return locate.apply(s);
    }
    // as getFileBlockLocations(s, 0, len): nothing for an empty file
    return s.getLen() == 0 ? new BlockLocation[0] : BlockLocations.convert(listed.getBlocks());
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
