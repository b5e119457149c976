package io.quire.protocol.types;

/**
 * The special values of {@code setQuota} (HDFS's HdfsConstants): {@link #DONT_SET} leaves a
 * quota as it is, {@link #RESET} (-1) clears it.
 */
public final class QuotaValues {
  /** Leave the quota unchanged (Long.MAX_VALUE, HDFS's QUOTA_DONT_SET). */
  public static final long DONT_SET = Long.MAX_VALUE;
  /** Clear the quota (-1, HDFS's QUOTA_RESET). */
  public static final long RESET = -1L;

  private QuotaValues() {}
}
