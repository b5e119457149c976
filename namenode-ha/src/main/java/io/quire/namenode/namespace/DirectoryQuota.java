package io.quire.namenode.namespace;

/**
 * The quotas of a directory and what its subtree uses (HDFS's DirectoryWithQuotaFeature): the
 * name quota counts files and directories, the directory itself included; the space quota
 * counts bytes times each file's replication ({@link Usage#fileSpace}). -1: no such quota. The
 * usage is kept up to date by every record that changes the subtree ({@link Usage#charge}),
 * never by walking it, except once when the quota is set and when an image is loaded.
 * Mutated only while records are applied (under the namesystem write lock).
 */
public final class DirectoryQuota {
  /** The root's name quota when none was set (HDFS's DEFAULT_NAMESPACE_QUOTA). */
  public static final long ROOT_NAMESPACE_QUOTA = Long.MAX_VALUE;

  private long nsQuota;
  private long ssQuota;
  private long nsUsed;
  private long ssUsed;

  public DirectoryQuota(long nsQuota, long ssQuota, long nsUsed, long ssUsed) {
    this.nsQuota = nsQuota;
    this.ssQuota = ssQuota;
    this.nsUsed = nsUsed;
    this.ssUsed = ssUsed;
  }

  public long nsQuota() { return nsQuota; }
  public long ssQuota() { return ssQuota; }
  public long nsUsed() { return nsUsed; }
  public long ssUsed() { return ssUsed; }

  void setQuotas(long ns, long ss) {
    this.nsQuota = ns;
    this.ssQuota = ss;
  }

  void add(long ns, long ss) {
    nsUsed += ns;
    ssUsed += ss;
  }

  void setUsage(long ns, long ss) {
    nsUsed = ns;
    ssUsed = ss;
  }

  /** HDFS's Quota.isViolated: a positive change would take the usage above the quota. */
  public static boolean isViolated(long quota, long used, long delta) {
    return quota >= 0 && delta > 0 && used > quota - delta;
  }

  @Override public String toString() {
    return "quota(ns=" + nsQuota + " used " + nsUsed + ", ss=" + ssQuota + " used " + ssUsed
        + ")";
  }
}
