package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DatanodeInfo;
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
 * {@code quire admin report}: cluster capacity and block health (getStats), safe mode, and every
 * DataNode grouped by state (getDatanodeReport). Output, line by line:
 *
 * <pre>
 * Configured Capacity: 1000 (1000 B)
 * Used: ... / Remaining: ... / Used%: ...
 * Under-replicated blocks: N
 * Corrupt blocks: N
 * Missing blocks: N
 * Safe mode: ON|OFF
 * Datanodes: T total, L live, S stale, D dead, C decommissioning, X decommissioned
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
    FsStats s = nn.getStats();
    boolean safeMode = nn.setSafeMode(SafeModeAction.GET);
    List<DatanodeInfo> nodes = new ArrayList<>(nn.getDatanodeReport());
    nodes.sort(Comparator.comparing(DatanodeInfo::getDataAddress));
    Map<DatanodeInfo.State, List<DatanodeInfo>> byState = new EnumMap<>(DatanodeInfo.State.class);
    for (DatanodeInfo.State st : DatanodeInfo.State.values()) {
      byState.put(st, new ArrayList<>());
    }
    nodes.forEach(d -> byState.get(d.getState()).add(d));

    out.println("Configured Capacity: " + bytes(s.getCapacity()));
    out.println("Used: " + bytes(s.getUsed()));
    out.println("Remaining: " + bytes(s.getRemaining()));
    out.println("Used%: " + percent(s.getUsed(), s.getCapacity()));
    out.println("Under-replicated blocks: " + s.getUnderReplicatedBlocks());
    out.println("Corrupt blocks: " + s.getCorruptBlocks());
    out.println("Missing blocks: " + s.getMissingBlocks());
    out.println("Safe mode: " + (safeMode ? "ON" : "OFF"));
    out.println("Datanodes: " + nodes.size() + " total, "
        + byState.get(DatanodeInfo.State.LIVE).size() + " live, "
        + byState.get(DatanodeInfo.State.STALE).size() + " stale, "
        + byState.get(DatanodeInfo.State.DEAD).size() + " dead, "
        + byState.get(DatanodeInfo.State.DECOMMISSIONING).size() + " decommissioning, "
        + byState.get(DatanodeInfo.State.DECOMMISSIONED).size() + " decommissioned");
    long now = System.currentTimeMillis();
    for (DatanodeInfo.State st : DatanodeInfo.State.values()) {
      List<DatanodeInfo> group = byState.get(st);
      if (group.isEmpty()) {
        continue;
      }
      out.println();
      out.println(label(st) + " datanodes ("
          + group.size() + "):");
      for (DatanodeInfo d : group) {
        out.println(nodeLine(d, now));
      }
    }
    return EXIT_OK;
  }

  static String label(DatanodeInfo.State st) {
    String n = st.name().toLowerCase();
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  static String nodeLine(DatanodeInfo d, long now) {
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
