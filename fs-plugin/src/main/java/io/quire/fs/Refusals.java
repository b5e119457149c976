package io.quire.fs;

import java.io.IOException;
import org.apache.hadoop.HadoopIllegalArgumentException;

/**
 * The NameNode's refusal of a name (HDFS's HadoopIllegalArgumentException: "\".snapshot\" is
 * a reserved name.") as the IOException HDFS's client reports it as (FsShell prints it as an
 * error, not as a usage error).
 */
final class Refusals {
  private Refusals() {}

  static IOException refused(HadoopIllegalArgumentException e) {
    return new IOException(e.getMessage(), e);
  }
}
