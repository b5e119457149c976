package io.quire.fs;

import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.QuotaValues;
import java.io.IOException;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.QuotaUsage;

/** Quotas, their usage, and content summaries, from the NameNode's counters (as HDFS's). */
final class QuotaOps {
  private final FsContext fs;

  QuotaOps(FsContext fs) {
    this.fs = fs;
  }

  ContentSummary getContentSummary(Path f) throws IOException {
    ContentSummaryInfo c = fs.nn().getContentSummary(fs.read(f));
    return new ContentSummary.Builder().length(c.getLength()).fileCount(c.getFileCount())
        .directoryCount(c.getDirectoryCount()).spaceConsumed(c.getSpaceConsumed())
        .quota(c.getQuota()).spaceQuota(c.getSpaceQuota()).build();
  }

  QuotaUsage getQuotaUsage(Path f) throws IOException {
    return fs.nn().getQuotaUsage(fs.read(f));
  }

  /**
   * Sets a directory's name quota (files + directories) and space quota (bytes x
   * replication), as DistributedFileSystem#setQuota: {@link QuotaValues#DONT_SET} leaves one
   * unchanged, {@link QuotaValues#RESET} (-1) clears it; the superuser only. Values are
   * checked here as HDFS's client does (a name quota of 0 is refused).
   */
  void setQuota(Path src, long namespaceQuota, long storagespaceQuota) throws IOException {
    fs.statistics().incrementWriteOps(1);
    if ((namespaceQuota <= 0 && namespaceQuota != QuotaValues.DONT_SET
        && namespaceQuota != QuotaValues.RESET)
        || (storagespaceQuota < 0 && storagespaceQuota != QuotaValues.DONT_SET
        && storagespaceQuota != QuotaValues.RESET)) {
      throw new IllegalArgumentException("Invalid values for quota : " + namespaceQuota
          + " and " + storagespaceQuota);
    }
    fs.nn().setQuota(fs.paths().pathOf(src), namespaceQuota, storagespaceQuota);
  }
}
