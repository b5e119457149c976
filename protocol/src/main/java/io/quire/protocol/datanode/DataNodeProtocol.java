package io.quire.protocol.datanode;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.HeartbeatResponse;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.io.retry.Idempotent;
import org.apache.hadoop.security.KerberosInfo;

/**
 * The protocol DataNodes speak to every NameNode (Hadoop IPC, ProtobufRpcEngine2).
 *
 * <p>A DataNode first asks {@link #versionRequest()} and checks the cluster id against its
 * storage, then registers, sends a full block report, and heartbeats every few seconds. The
 * NameNode answers a heartbeat, report or notification from a DataNode it does not know with
 * {@code UnregisteredNodeException}; the DataNode then registers again. A standby NameNode
 * accepts all of these (DataNodes report to every NameNode) but sends no commands; it refuses
 * {@link #commitBlockSynchronization} (a journaled change) with StandbyException.
 *
 * <p>Under Kerberos only the DataNode principal ({@code quire.datanode.kerberos.principal},
 * {@code _HOST} = the caller's host) may call it: the NameNode checks every call, and with
 * {@code hadoop.security.authorization=true} Hadoop's service authorization checks it too (it
 * reads {@code clientPrincipal} here, as for HDFS's DatanodeProtocol).
 */
@KerberosInfo(serverPrincipal = QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY,
    clientPrincipal = QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY)
public interface DataNodeProtocol {
  long VERSION = 1L;

  @Idempotent
  NamespaceInfo versionRequest() throws IOException;

  /** Registers (or re-registers) a DataNode; returns the registration the NameNode recorded. */
  @Idempotent
  DataNodeRegistration registerDataNode(DataNodeRegistration registration) throws IOException;

  /**
   * Liveness and usage; the answer carries commands for the DataNode, the NameNode's HA
   * state and epoch (a DataNode obeys only the active with the highest epoch it has seen) and
   * the NameNode's block keys (in every HA state; none when block access tokens are off).
   */
  @Idempotent
  HeartbeatResponse sendHeartbeat(DataNodeRegistration registration, StorageReport report)
      throws IOException;

  /**
   * Every replica the DataNode holds; replaces the NameNode's view of this node. The answer is
   * as a heartbeat's.
   */
  @Idempotent
  HeartbeatResponse blockReport(DataNodeRegistration registration, List<ReportedBlock> blocks)
      throws IOException;

  /**
   * Incremental report: replicas received (finalized, or RBW when a pipeline opened) and
   * replicas deleted since the last report.
   */
  @Idempotent
  void blockReceivedAndDeleted(DataNodeRegistration registration, List<ReportedBlock> received,
      List<Block> deleted) throws IOException;

  /** Replicas on this DataNode found corrupt (by the block scanner or a failed transfer). */
  @Idempotent
  void reportBadBlocks(DataNodeRegistration registration, List<Block> blocks) throws IOException;

  /**
   * Outcome of block recovery run by a primary DataNode: the block now has
   * {@code newGenerationStamp} and {@code newLength} on {@code newTargets}; with
   * {@code closeFile} the NameNode completes the file and releases its lease; with
   * {@code deleteBlock} (no replica survived) it removes the block from the file.
   */
  @Idempotent
  void commitBlockSynchronization(Block block, long newGenerationStamp, long newLength,
      boolean closeFile, boolean deleteBlock, List<DataNodeId> newTargets) throws IOException;
}
