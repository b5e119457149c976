package io.quire.bench.memory;

import java.io.IOException;
import java.util.List;

/**
 * Loads files into one NameNode through its RPC interface, as a client and DataNodes would:
 * create, (addBlock, the DataNodes' incremental reports of the replica,) complete. No data is
 * written: the replicas are reported by fake DataNodes that registered and heartbeat like real
 * ones (as HDFS's NNThroughputBenchmark does).
 */
interface NamespaceLoader extends AutoCloseable {
  void mkdirs(String dir) throws IOException;

  /**
   * Creates and closes {@code paths} as client {@code "bench-loader-" + thread}; with
   * {@code oneBlock} each file gets one block of {@link #BLOCK_LENGTH} bytes, reported by every
   * DataNode the NameNode chose.
   */
  void load(int thread, List<String> paths, boolean oneBlock) throws IOException;

  @Override void close() throws IOException;

  /** The length the fake DataNodes report for each replica. */
  long BLOCK_LENGTH = 1 << 20;
  /** Their capacity: far more than the loaded blocks need. */
  long CAPACITY = 1L << 50;
}
