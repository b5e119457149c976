package io.quire.protocol.exceptions;

import static org.apache.hadoop.util.StringUtils.TraditionalBinaryPrefix.long2String;

/**
 * A change would exceed a directory's space quota (bytes times replication), with HDFS's
 * message: {@code The DiskSpace quota of /q is exceeded: quota = 1024 B = 1 KB but diskspace
 * consumed = 402653184 B = 384 MB}.
 */
public class DSQuotaExceededException extends QuotaExceededException {
  private static final long serialVersionUID = 1L;

  public DSQuotaExceededException(String message) {
    super(message);
  }

  public DSQuotaExceededException(long quota, long count) {
    super(quota, count);
  }

  @Override public String getMessage() {
    String msg = super.getMessage();
    if (msg == null) {
      return "The DiskSpace quota" + (pathName == null ? "" : " of " + pathName)
          + " is exceeded: quota = " + quota + " B = " + long2String(quota, "B", 2)
          + " but diskspace consumed = " + count + " B = " + long2String(count, "B", 2);
    }
    return msg;
  }
}
