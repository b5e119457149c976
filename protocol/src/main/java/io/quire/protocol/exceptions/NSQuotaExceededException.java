package io.quire.protocol.exceptions;

/**
 * A change would exceed a directory's name quota (files and directories), with HDFS's
 * message: {@code The NameSpace quota (directories and files) of directory /q is exceeded:
 * quota=3 file count=4}.
 */
public final class NSQuotaExceededException extends QuotaExceededException {
  private static final long serialVersionUID = 1L;

  public NSQuotaExceededException(String message) {
    super(message);
  }

  public NSQuotaExceededException(long quota, long count) {
    super(quota, count);
  }

  @Override public String getMessage() {
    String msg = super.getMessage();
    if (msg == null) {
      msg = "The NameSpace quota (directories and files)"
          + (pathName == null ? "" : " of directory " + pathName)
          + " is exceeded: quota=" + quota + " file count=" + count;
    }
    return msg;
  }
}
