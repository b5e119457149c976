package io.quire.fs;

import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.LocatedFileStatus;

/** A {@link QuireFileStatus} with its block locations, keeping the etag (listLocatedStatus). */
public final class QuireLocatedFileStatus extends LocatedFileStatus implements EtagSource {
  private static final long serialVersionUID = 1L;

  private final long fileId;
  private final String etag;

  QuireLocatedFileStatus(QuireFileStatus status, BlockLocation[] locations) {
    super(status, locations);
    this.fileId = status.getFileId();
    this.etag = status.getEtag();
  }

  public long getFileId() { return fileId; }

  @Override public String getEtag() { return etag; }

  @Override public boolean equals(Object o) { return super.equals(o); }

  @Override public int hashCode() { return super.hashCode(); }
}
