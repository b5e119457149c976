package io.quire.namenode.http;

import io.quire.protocol.types.DataNodeInfo;
import io.quire.web.JsonModel;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code datanodes}: every DataNode the NameNode knows, as {@code quire admin report} lists them
 * (getDataNodeReport), sorted by data address. JSON: {@code {"nodes": [{"uuid", "address",
 * "rack", "state" (LIVE, STALE, DEAD, DECOMMISSIONING, DECOMMISSIONED), "capacity", "used",
 * "remaining", "activeTransfers", "lastContactMs" (-1: never)}, ...]}}.
 */
final class DataNodesModel implements JsonModel {
  record Node(String uuid, String address, String rack, String state, long capacity, long used,
      long remaining, int activeTransfers, long lastContactMs) { }

  record DataNodes(List<Node> nodes) { }

  private final Supplier<NameNodeState> state;

  DataNodesModel(Supplier<NameNodeState> state) {
    this.state = state;
  }

  @Override public DataNodes build(Map<String, String> params) throws IOException {
    NameNodeState st = NameNodeState.require(state);
    long now = System.currentTimeMillis();
    List<DataNodeInfo> report = st.namesystem().getDataNodeManager().getReport();
    return new DataNodes(report.stream()
        .sorted(Comparator.comparing(DataNodeInfo::getDataAddress))
        .map(d -> new Node(d.getUuid(), d.getDataAddress(), d.getRack(), d.getState().name(),
            d.getCapacity(), d.getUsed(), d.getRemaining(), d.getActiveTransfers(),
            d.getLastHeartbeatMillis() <= 0 ? -1 : Math.max(0, now - d.getLastHeartbeatMillis())))
        .toList());
  }
}
