package io.quire.namenode.rpc;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.security.BlockKeyManager;
import io.quire.namenode.security.BlockTokenOptions;
import io.quire.namenode.security.DataNodeCallerCheck;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.HeartbeatResponse;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * DataNodeProtocol on the namesystem: registration and heartbeats touch only the DataNode
 * manager; reports change replica bookkeeping under the write lock and re-check safe mode;
 * commitBlockSynchronization is journaled (allowed in safe mode; a standby refuses it with
 * StandbyException). Served by every NameNode whatever its HA state; heartbeat and block-report
 * answers carry this NameNode's block keys in every state, so DataNodes know a standby's keys
 * before it becomes active. Under Kerberos every call must come from the DataNode principal
 * ({@link DataNodeCallerCheck}).
 */
public final class DataNodeRpcHandler implements DataNodeProtocol {
  private final Namesystem ns;
  private final DataNodeManager dns;
  private final int layoutVersion;
  private final BlockKeyManager blockKeys;
  private final DataNodeCallerCheck callers;

  /** A handler that ships no block keys. */
  public DataNodeRpcHandler(Namesystem ns, int layoutVersion) {
    this(ns, layoutVersion, new BlockKeyManager(new BlockTokenOptions(false, 1, 1), 0,
        System::currentTimeMillis));
  }

  /** @param blockKeys this NameNode's block keys, sent in every heartbeat and report answer */
  public DataNodeRpcHandler(Namesystem ns, int layoutVersion, BlockKeyManager blockKeys) {
    this(ns, layoutVersion, blockKeys, DataNodeCallerCheck.NONE);
  }

  /** @param callers who may call (under Kerberos: the DataNode principal only) */
  public DataNodeRpcHandler(Namesystem ns, int layoutVersion, BlockKeyManager blockKeys,
      DataNodeCallerCheck callers) {
    this.callers = callers;
    this.blockKeys = blockKeys;
    this.ns = ns;
    this.dns = ns.getDataNodeManager();
    this.layoutVersion = layoutVersion;
  }

  @Override public NamespaceInfo versionRequest() throws IOException {
    callers.check("versionRequest");
    return new NamespaceInfo(dns.getClusterId(), layoutVersion, blockKeys.isEnabled());
  }

  @Override public DataNodeRegistration registerDataNode(DataNodeRegistration registration)
      throws IOException {
    callers.check("registerDataNode");
    DataNodeDescriptor d = dns.register(registration);
    ns.updateVolatileState(() -> {
      ns.getBlockManager().removeNode(d); // its replicas are known again from its next report
      return null;
    });
    return registration;
  }

  /**
   * Liveness; the answer carries this NameNode's HA state and epoch, and commands only when it
   * is active (a standby queues none).
   */
  @Override public HeartbeatResponse sendHeartbeat(DataNodeRegistration registration,
      StorageReport report) throws IOException {
    callers.check("sendHeartbeat");
    DataNodeDescriptor d = dns.getRegistered(registration, "sendHeartbeat");
    dns.heartbeat(d, report);
    HaGate gate = ns.getHaGate();
    return new HeartbeatResponse(gate.describe(),
        gate.isActive() ? d.drainCommands() : List.of(), blockKeys.exportKeys());
  }

  @Override public HeartbeatResponse blockReport(DataNodeRegistration registration,
      List<ReportedBlock> blocks) throws IOException {
    callers.check("blockReport");
    DataNodeDescriptor d = dns.getRegistered(registration, "blockReport");
    List<DataNodeCommand> out = new ArrayList<>(ns.updateVolatileState(
        () -> ns.getBlockReports().processFullReport(d, blocks)));
    ns.read(() -> {
      ns.getSafeMode().check();
      return null;
    });
    HaGate gate = ns.getHaGate();
    return new HeartbeatResponse(gate.describe(), gate.isActive() ? out : List.of(),
        blockKeys.exportKeys());
  }

  @Override public void blockReceivedAndDeleted(DataNodeRegistration registration,
      List<ReportedBlock> received, List<Block> deleted) throws IOException {
    callers.check("blockReceivedAndDeleted");
    DataNodeDescriptor d = dns.getRegistered(registration, "blockReceivedAndDeleted");
    ns.updateVolatileState(() -> {
      ns.getBlockReports().processIncremental(d, received, deleted);
      return null;
    });
  }

  @Override public void reportBadBlocks(DataNodeRegistration registration, List<Block> blocks)
      throws IOException {
    callers.check("reportBadBlocks");
    DataNodeDescriptor d = dns.getRegistered(registration, "reportBadBlocks");
    ns.updateVolatileState(() -> {
      for (Block b : blocks) {
        ns.getBlockReports().markCorrupt(b, d);
      }
      return null;
    });
  }

  @Override public void commitBlockSynchronization(Block block, long newGenerationStamp,
      long newLength, boolean closeFile, boolean deleteBlock, List<DataNodeId> newTargets)
      throws IOException {
    callers.check("commitBlockSynchronization");
    ns.mutateEvenInSafeMode(() -> ns.ops().blockSync().commitBlockSynchronization(block,
        newGenerationStamp, newLength, closeFile, deleteBlock, newTargets));
  }
}
