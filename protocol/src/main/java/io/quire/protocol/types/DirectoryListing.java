package io.quire.protocol.types;

import java.util.List;

/**
 * One page of a directory listing, in name order. {@code remaining} counts the entries after
 * this page; the next page starts after the last entry's name.
 */
public final class DirectoryListing {
  private final List<InodeStatus> entries;
  private final int remaining;

  public DirectoryListing(List<InodeStatus> entries, int remaining) {
    this.entries = List.copyOf(entries);
    this.remaining = remaining;
  }

  public List<InodeStatus> getEntries() { return entries; }
  public int getRemaining() { return remaining; }
  public boolean hasMore() { return remaining > 0; }
}
