package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.SafeModeAction;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.util.StringUtils;

/**
 * {@code quire admin report}: cluster capacity, block health and safe mode (getClusterHealth),
 * and every DataNode grouped by state (getDataNodeReport). Output, line by line:
 *
 * <pre>
 * Configured Capacity: 1000 (1000 B)
 * Used: ... / Remaining: ... / Used%: ... / Files: N / Blocks: N
 * Under-replicated blocks: N
 * Corrupt blocks: N
 * Missing blocks: N
 * Pending replication blocks: N
 * Safe mode: ON|OFF
 * DataNodes: T total, L live, S stale, D dead, C decommissioning, X decommissioned
 *
 * Live datanodes (L):
 * Name: host:port (uuid) rack=/r state=LIVE capacity=.. used=.. remaining=.. ...
 * </pre>
 */
public final class ReportTool extends AdminTool {
  public ReportTool() {
    this(System.out, System.err);
  }

  public ReportTool(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override public String name() { return "report"; }

  @Override public String usage() { return ""; }

  @Override protected int run(ClientProtocol nn, String[] args) throws IOException {
    if (args.length > 0) {
      throw new UsageException("unexpected argument '" + args[0] + "'");
    }
    List<DataNodeInfo> nodes = new ArrayList<>(nn.getDataNodeReport());
    nodes.sort(Comparator.comparing(DataNodeInfo::getDataAddress));
    Map<DataNodeInfo.State, List<DataNodeInfo>> byState = new EnumMap<>(DataNodeInfo.State.class);
    for (DataNodeInfo.State st : DataNodeInfo.State.values()) {
      byState.put(st, new ArrayList<>());
    }
    nodes.forEach(d -> byState.get(d.getState()).add(d));
    ClusterHealth h = clusterHealth(nn, byState);

    out.println("Configured Capacity: " + bytes(h.getCapacity()));
    out.println("Used: " + bytes(h.getUsed()));
    out.println("Remaining: " + bytes(h.getRemaining()));
    out.println("Used%: " + percent(h.getUsed(), h.getCapacity()));
    out.println("Files: " + h.getTotalFiles());
    out.println("Blocks: " + h.getTotalBlocks());
    out.println("Under-replicated blocks: " + h.getUnderReplicatedBlocks());
    out.println("Corrupt blocks: " + h.getCorruptBlocks());
    out.println("Missing blocks: " + h.getMissingBlocks());
    out.println("Pending replication blocks: " + h.getPendingReplicationBlocks());
    out.println("Safe mode: " + (h.isInSafeMode() ? "ON" : "OFF"));
    out.println("DataNodes: " + nodes.size() + " total, "
        + h.getLiveNodes() + " live, "
        + h.getStaleNodes() + " stale, "
        + h.getDeadNodes() + " dead, "
        + h.getDecommissioningNodes() + " decommissioning, "
        + h.getDecommissionedNodes() + " decommissioned");
    long now = System.currentTimeMillis();
    for (DataNodeInfo.State st : DataNodeInfo.State.values()) {
      List<DataNodeInfo> group = byState.get(st);
      if (group.isEmpty()) {
        continue;
      }
      out.println();
      out.println(label(st) + " datanodes ("
          + group.size() + "):");
      for (DataNodeInfo d : group) {
        out.println(nodeLine(d, now));
      }
    }
    return EXIT_OK;
  }

  /**
   * getClusterHealth, or (NameNode without it) the same figures from getStats, safe mode GET
   * and the node report; files, blocks and pending replication are then -1 (unknown).
   */
  private static ClusterHealth clusterHealth(ClientProtocol nn,
      Map<DataNodeInfo.State, List<DataNodeInfo>> byState) throws IOException {
    try {
      return nn.getClusterHealth();
    } catch (IOException | RuntimeException e) {
      if (!Unsupported.is(e)) {
        throw e;
      }
    }
    FsStats s = nn.getStats();
    return new ClusterHealth(s.getCapacity(), s.getUsed(), s.getRemaining(),
        byState.get(DataNodeInfo.State.LIVE).size(), byState.get(DataNodeInfo.State.STALE).size(),
        byState.get(DataNodeInfo.State.DEAD).size(),
        byState.get(DataNodeInfo.State.DECOMMISSIONING).size(),
        byState.get(DataNodeInfo.State.DECOMMISSIONED).size(), -1, -1,
        s.getUnderReplicatedBlocks(), s.getCorruptBlocks(), s.getMissingBlocks(), -1,
        nn.setSafeMode(SafeModeAction.GET));
  }

  static String label(DataNodeInfo.State st) {
    String n = st.name().toLowerCase();
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  static String nodeLine(DataNodeInfo d, long now) {
    long ago = d.getLastHeartbeatMillis() <= 0 ? -1 : Math.max(0, now - d.getLastHeartbeatMillis());
    return "Name: " + d.getDataAddress() + " (" + d.getUuid() + ")"
        + " rack=" + d.getRack()
        + " state=" + d.getState()
        + " capacity=" + d.getCapacity()
        + " used=" + d.getUsed()
        + " remaining=" + d.getRemaining()
        + " used%=" + percent(d.getUsed(), d.getCapacity())
        + " transfers=" + d.getActiveTransfers()
        + " lastContact=" + (ago < 0 ? "never" : (ago / 1000.0) + "s");
  }

  static String bytes(long n) {
    return n + " (" + StringUtils.byteDesc(n) + ")";
  }

  static String percent(long part, long whole) {
    return whole <= 0 ? "0.00%" : String.format("%.2f%%", 100.0 * part / whole);
  }
}
