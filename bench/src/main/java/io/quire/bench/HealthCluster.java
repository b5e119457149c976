package io.quire.bench;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;

/**
 * One cluster under the health benchmark (Quire or HDFS): four-ish DataNodes on storage that
 * survives {@link #restart()}, a NameNode on a fixed port, and the few probes the benchmark
 * needs, each answered through the system's own RPC client.
 */
interface HealthCluster extends AutoCloseable {
  String name();

  FileSystem fileSystem() throws IOException;

  /** Stops every node, keeping storage; the next {@link #start()} reuses it. */
  void shutdown() throws IOException;

  /** Starts NameNode and DataNodes on the existing storage; returns without waiting. */
  void start() throws IOException;

  /** Asks the NameNode (raw RPC, no retries) whether it is in safe mode; throws while down. */
  boolean inSafeMode() throws IOException;

  /** Stops DataNode {@code i}; returns its data-transfer address "host:port". */
  String stopDataNode(int i) throws IOException;

  /** DataNodes the NameNode currently reports dead. */
  int deadDataNodes() throws IOException;

  @Override void close() throws IOException;
}
