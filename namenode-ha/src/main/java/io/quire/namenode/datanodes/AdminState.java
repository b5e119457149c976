package io.quire.namenode.datanodes;

/**
 * Administrative state of a DataNode, set by {@code setDecommission}. Kept in NameNode memory
 * only, as HDFS keeps it in its excludes file rather than the edit log: a restarted (or newly
 * active) NameNode starts with every node IN_SERVICE and the administrator repeats the
 * decommission request.
 * <ul>
 *   <li>IN_SERVICE: a normal node;</li>
 *   <li>DECOMMISSIONING: still serves reads and is a replication source, but its replicas do
 *       not count toward a block's replication and it receives no new replicas;</li>
 *   <li>DECOMMISSIONED: every block it held has enough live replicas elsewhere.</li>
 * </ul>
 */
public enum AdminState { IN_SERVICE, DECOMMISSIONING, DECOMMISSIONED }
