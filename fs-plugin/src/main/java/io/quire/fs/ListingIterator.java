package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.LocatedBlocks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Streams a directory listing page by page (getListing with the last name seen), so a huge
 * directory never sits in memory at once. The first page is fetched at construction, so a
 * missing path fails at once with FileNotFoundException. Asked for locations, each page also
 * carries the located blocks of its files ({@link #lastLocations}), when the NameNode knows how.
 */
final class ListingIterator implements RemoteIterator<FileStatus> {
  private final ClientProtocol nn;
  private final String path;
  private final Function<InodeStatus, FileStatus> convert;
  private final boolean needLocation;
  private DirectoryListing page;
  private int index;
  private LocatedBlocks lastLocations;

  ListingIterator(ClientProtocol nn, String path, Function<InodeStatus, FileStatus> convert)
      throws IOException {
    this(nn, path, convert, false);
  }

  /** @param needLocation ask for the located blocks of the files with each page */
  ListingIterator(ClientProtocol nn, String path, Function<InodeStatus, FileStatus> convert,
      boolean needLocation) throws IOException {
    this.nn = nn;
    this.path = path;
    this.convert = convert;
    this.needLocation = needLocation;
    this.page = fetch("");
  }

  private DirectoryListing fetch(String startAfter) throws IOException {
    DirectoryListing l = needLocation ? nn.getListing(path, startAfter, true)
        : nn.getListing(path, startAfter);
    if (l == null) {
      throw new FileNotFoundException("listStatus: " + path + ": not found");
    }
    return l;
  }

  @Override public boolean hasNext() throws IOException {
    while (index >= page.getEntries().size()) {
      if (!page.hasMore() || page.getEntries().isEmpty()) {
        return false;
      }
      InodeStatus lastSeen = page.getEntries().get(page.getEntries().size() - 1);
      page = fetch(lastName(lastSeen.getPath()));
      index = 0;
    }
    return true;
  }

  @Override public FileStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more entries in " + path);
    }
    List<LocatedBlocks> locations = page.getLocations();
    lastLocations = locations == null ? null : locations.get(index);
    return convert.apply(page.getEntries().get(index++));
  }

  /**
   * The located blocks of the entry {@link #next} returned last, or null when the page came
   * without them (not asked for, or a NameNode that does not send them).
   */
  LocatedBlocks lastLocations() {
    return lastLocations;
  }

  static String lastName(String p) {
    int i = p.lastIndexOf('/');
    return i < 0 ? p : p.substring(i + 1);
  }
}
