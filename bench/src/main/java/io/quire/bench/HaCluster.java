package io.quire.bench;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;

/**
 * An HA cluster under the HA benchmark (Quire's or HDFS's): two NameNodes, three DataNodes,
 * clients on the logical URI of the nameservice, a planned failover as the system's
 * administration tool does it, and the loss of the active NameNode.
 */
interface HaCluster extends Closeable {
  /** Short name printed in the results ("quire-ha", "hdfs-ha"). */
  String name();

  /** A new client of the nameservice (the caller closes it). */
  FileSystem newClient() throws IOException;

  /**
   * Moves the active role from the active NameNode to the other one; returns when the other one
   * says it is active.
   */
  void plannedFailover() throws Exception;

  /**
   * The active NameNode stops answering for good: returns once it is gone (Quire: SIGKILL of its
   * process, returned when the process is dead; HDFS in-process: shutdownNameNode).
   */
  void crashActive() throws Exception;

  /**
   * After {@link #crashActive}: returns once another NameNode is active (Quire: elected on its
   * own when the dead one's ZooKeeper session expires; HDFS without ZKFC: transitionToActive by
   * hand, at once).
   */
  void awaitTakeover() throws Exception;

  @Override void close() throws IOException;
}
