package io.quire.protocol.exceptions;

import org.apache.hadoop.fs.ClusterStorageCapacityExceededException;

/**
 * A namespace change would exceed a directory's quota (HDFS's
 * {@code org.apache.hadoop.hdfs.protocol.QuotaExceededException}, which hadoop-common does not
 * carry: Quire's own class of the same shape, like {@link FSLimitException}). It is a
 * ClusterStorageCapacityExceededException, so Hadoop's jobs fail fast on it instead of
 * retrying. The NameNode builds it from the quota and the count the change would reach and
 * names the directory; the client rebuilds it from the message alone.
 */
public class QuotaExceededException extends ClusterStorageCapacityExceededException {
  private static final long serialVersionUID = 1L;

  protected String pathName;
  protected long quota;
  protected long count;

  public QuotaExceededException(String message) {
    super(message);
  }

  protected QuotaExceededException(long quota, long count) {
    this.quota = quota;
    this.count = count;
  }

  /** The directory whose quota the change would exceed (named in the message). */
  public void setPathName(String path) {
    this.pathName = path;
  }

  public long getQuota() { return quota; }
  public long getCount() { return count; }
}
