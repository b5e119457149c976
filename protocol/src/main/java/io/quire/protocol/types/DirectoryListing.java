package io.quire.protocol.types;

import java.util.List;

/**
 * One page of a directory listing, in name order. {@code remaining} counts the entries after
 * this page; the next page starts after the last entry's name. A listing asked for with
 * locations ({@code getListing(path, startAfter, true)}) also carries, per entry in the same
 * order, the file's located blocks (a directory's: none); otherwise {@link #getLocations} is
 * null.
 */
public final class DirectoryListing {
  private final List<InodeStatus> entries;
  private final int remaining;
  private final List<LocatedBlocks> locations;

  public DirectoryListing(List<InodeStatus> entries, int remaining) {
    this.entries = List.copyOf(entries);
    this.remaining = remaining;
    this.locations = null;
  }

  /** @param locations one per entry, in entry order */
  public DirectoryListing(List<InodeStatus> entries, int remaining,
      List<LocatedBlocks> locations) {
    if (locations.size() != entries.size()) {
      throw new IllegalArgumentException("a listing of " + entries.size() + " entries with "
          + locations.size() + " location lists; expected one per entry");
    }
    this.entries = List.copyOf(entries);
    this.remaining = remaining;
    this.locations = List.copyOf(locations);
  }

  public List<InodeStatus> getEntries() { return entries; }
  public int getRemaining() { return remaining; }
  public boolean hasMore() { return remaining > 0; }

  /** The located blocks of each entry (in entry order), or null when not asked for. */
  public List<LocatedBlocks> getLocations() { return locations; }
}
