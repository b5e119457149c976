package io.quire.namenode.ops;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.namespace.InodeFile;
import org.apache.hadoop.fs.InvalidRequestException;

/**
 * Range checks of the numbers writers send: a block length is 0 to the file's preferred block
 * size (a block never grows past it), a count of extra DataNodes is 0 to the maximum
 * replication. Refusals are InvalidRequestExceptions naming the operation and the path; they
 * come after the permission and lease checks, so only the writer learns the path.
 */
final class ClientRanges {
  private ClientRanges() {}

  /**
   * @param op the operation and the path, e.g. "fsync /a/b"
   * @throws InvalidRequestException when {@code length} is negative or above the block size
   */
  static void checkBlockLength(String op, long length, InodeFile f)
      throws InvalidRequestException {
    if (length < 0) {
      throw new InvalidRequestException(op + ": block length " + length + " is negative");
    }
    if (length > f.getPreferredBlockSize()) {
      throw new InvalidRequestException(op + ": block length " + length
          + " is larger than the file's block size " + f.getPreferredBlockSize());
    }
  }

  /** @throws InvalidRequestException when {@code count} is negative or above max replication */
  static void checkDataNodeCount(String op, int count, NameNodeOptions o)
      throws InvalidRequestException {
    if (count < 0 || count > o.maxReplication()) {
      throw new InvalidRequestException(op + ": " + count + " additional DataNodes requested,"
          + " must be 0 to " + o.maxReplication() + " (the maximum replication)");
    }
  }
}
