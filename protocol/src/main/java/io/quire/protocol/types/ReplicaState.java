package io.quire.protocol.types;

/**
 * State of a replica on a DataNode, as in HDFS: FINALIZED replicas are complete and immutable
 * (until append); RBW ("replica being written") are in an open pipeline; RWR ("replica waiting
 * to be recovered") were being written when the DataNode restarted.
 */
public enum ReplicaState { FINALIZED, RBW, RWR }
