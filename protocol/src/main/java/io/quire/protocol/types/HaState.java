package io.quire.protocol.types;

/**
 * HA state of a NameNode. Only an {@link #ACTIVE} NameNode serves clients and commands
 * DataNodes; the others refuse client calls with {@code org.apache.hadoop.ipc.StandbyException}.
 * A single NameNode (no nameservice configured) is ACTIVE once started.
 */
public enum HaState {
  /** Loading its namespace; serves nobody yet. */
  INITIALIZING,
  /** Hot standby: tails the shared log, receives DataNode reports, refuses clients. */
  STANDBY,
  /** The one writer of the log: serves clients and commands DataNodes. */
  ACTIVE,
  /** Was active and lost its ZooKeeper connection: refuses calls until it knows more. */
  SUSPENDED,
  /** Shutting down. */
  STOPPING
}
