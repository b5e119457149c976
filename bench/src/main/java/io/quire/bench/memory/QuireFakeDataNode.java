package io.quire.bench.memory;

import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * A DataNode as Quire's NameNode sees one, without storage: it registers, reports an empty
 * block list, heartbeats, and reports replicas it is told it received.
 */
final class QuireFakeDataNode {
  private final DataNodeProtocol nn;
  private final DataNodeRegistration reg;

  QuireFakeDataNode(DataNodeProtocol nn, NamespaceInfo ns, int dataPort) throws IOException {
    this.nn = nn;
    reg = nn.registerDataNode(new DataNodeRegistration(new DataNodeId(
        UUID.randomUUID().toString(), "127.0.0.1", dataPort), ns.getClusterId(), "quire-bench"));
    nn.blockReport(reg, List.of());
    heartbeat();
  }

  String uuid() {
    return reg.getId().getUuid();
  }

  void heartbeat() throws IOException {
    nn.sendHeartbeat(reg, new StorageReport(NamespaceLoader.CAPACITY, 0,
        NamespaceLoader.CAPACITY, 0, 0));
  }

  /** One incremental report: these replicas are finalized here. */
  void received(List<Block> blocks) throws IOException {
    nn.blockReceivedAndDeleted(reg, blocks.stream()
        .map(b -> new ReportedBlock(b, ReplicaState.FINALIZED)).toList(), List.of());
  }
}
