package io.quire.namenode.ops;

import io.quire.namenode.conf.NameNodeOptions;
import java.io.IOException;

/** Bounds on a requested replication factor and block size. */
final class ReplicationLimits {
  private ReplicationLimits() {}

  static void check(String op, short replication, NameNodeOptions o) throws IOException {
    if (replication < o.minReplication() || replication > o.maxReplication()) {
      throw new IOException(op + ": requested replication " + replication
          + " is outside [" + o.minReplication() + ", " + o.maxReplication() + "]");
    }
  }

  static void checkBlockSize(String op, long blockSize, NameNodeOptions o) throws IOException {
    if (blockSize < o.minBlockSize()) {
      throw new IOException(op + ": specified block size " + blockSize
          + " is less than the configured minimum " + o.minBlockSize()
          + " (quire.namenode.min-block-size)");
    }
    // Unlike HDFS, any block size is fine: checksum chunks restart at every block boundary,
    // so a block may end in a partial chunk like a file's last block does.
    if (blockSize <= 0) {
      throw new IOException(op + ": block size " + blockSize + " must be positive");
    }
  }
}
