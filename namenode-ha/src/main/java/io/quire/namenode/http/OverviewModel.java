package io.quire.namenode.http;

import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.metrics.ClusterHealthCollector;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.rpc.RecentCalls;
import io.quire.protocol.types.ClusterHealth;
import io.quire.web.JsonModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code overview}: the NameNode overview page's data. The cluster figures are
 * {@link ClusterHealthCollector}'s, the very snapshot {@code quire admin report} prints
 * (getClusterHealth). JSON:
 *
 * <pre>
 * {"nameNodeId": "nn0" or "", "clusterId": "...", "ha": true, "haState": "ACTIVE", "epoch": 3,
 *  "safeMode": {"on": false, "status": "..."},
 *  "capacity": {"total": n, "used": n, "remaining": n},
 *  "files": n, "blocks": n, "underReplicatedBlocks": n, "corruptBlocks": n, "missingBlocks": n,
 *  "pendingReplicationBlocks": n,
 *  "dataNodes": {"live": n, "stale": n, "dead": n, "decommissioning": n, "decommissioned": n},
 *  "journal": {"lastAppliedTxId": n, "lastWrittenTxId": n or -1 (no writer: a standby)},
 *  "checkpoint": {"txId": n, "ageMs": n or -1 (no image file)},
 *  "topOperations": {"windowSeconds": 60, "ops": [{"op": "create", "count": n}, ...]}}
 * </pre>
 */
final class OverviewModel implements JsonModel {
  static final int TOP_OPS = 10;

  record Capacity(long total, long used, long remaining) { }

  record SafeMode(boolean on, String status) { }

  record DataNodes(int live, int stale, int dead, int decommissioning, int decommissioned) { }

  record Journal(long lastAppliedTxId, long lastWrittenTxId) { }

  record Checkpoint(long txId, long ageMs) { }

  record TopOperations(int windowSeconds, List<RecentCalls.Count> ops) { }

  record Overview(String nameNodeId, String clusterId, boolean ha, String haState, long epoch,
      SafeMode safeMode, Capacity capacity, long files, long blocks, long underReplicatedBlocks,
      long corruptBlocks, long missingBlocks, long pendingReplicationBlocks,
      DataNodes dataNodes, Journal journal, Checkpoint checkpoint,
      TopOperations topOperations) { }

  private final Supplier<NameNodeState> state;

  OverviewModel(Supplier<NameNodeState> state) {
    this.state = state;
  }

  @Override public Overview build(Map<String, String> params) throws IOException {
    NameNodeState st = NameNodeState.require(state);
    Namesystem ns = st.namesystem();
    ClusterHealth h = ClusterHealthCollector.collect(ns);
    HaGate gate = ns.getHaGate();
    JournalWriter w = ns.getWriter();
    // the age of the newest image file, not of this run: a restarted NameNode's image is old
    long age = st.checkpoints().newestImageMillis()
        .map(t -> Math.max(0, System.currentTimeMillis() - t)).orElse(-1L);
    return new Overview(gate.nameNodeId(), st.clusterId(), !gate.nameNodeId().isEmpty(),
        gate.state().name(), gate.epoch(),
        new SafeMode(h.isInSafeMode(), ns.getSafeMode().status()),
        new Capacity(h.getCapacity(), h.getUsed(), h.getRemaining()),
        h.getTotalFiles(), h.getTotalBlocks(), h.getUnderReplicatedBlocks(),
        h.getCorruptBlocks(), h.getMissingBlocks(), h.getPendingReplicationBlocks(),
        new DataNodes(h.getLiveNodes(), h.getStaleNodes(), h.getDeadNodes(),
            h.getDecommissioningNodes(), h.getDecommissionedNodes()),
        new Journal(ns.getLastAppliedTxId(), w == null ? -1 : w.getLastAppendedTxId()),
        new Checkpoint(st.checkpointer().getLastCheckpointTxId(), age),
        new TopOperations(RecentCalls.WINDOW_SECONDS,
            st.rpc().getClientCallCounts().recent().top(TOP_OPS)));
  }
}
