package io.quire.namenode.datanodes;

import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.StorageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A registered DataNode: identity, address and rack, admin state, last heartbeat and usage
 * (updated without the namesystem lock, hence volatile) and the commands waiting for its next
 * heartbeat. What it holds is the blocks package's business: its replicas, its block list and
 * the deletions it was ordered are kept there, per node (blocks.DataNodeBlocks), so this
 * package knows nothing of blocks.
 */
public final class DataNodeDescriptor {
  private volatile DataNodeId id;
  private volatile long lastHeartbeatMillis;
  private volatile StorageReport report = new StorageReport(0, 0, 0, 0, 0);
  private volatile boolean dead;
  private volatile String ipAddress;
  private volatile int scheduledWrites;
  private volatile String rack = RackResolver.DEFAULT_RACK;
  private volatile AdminState adminState = AdminState.IN_SERVICE;
  private final ConcurrentLinkedQueue<DataNodeCommand> commands = new ConcurrentLinkedQueue<>();

  DataNodeDescriptor(DataNodeId id, long now) {
    this.id = id;
    this.lastHeartbeatMillis = now;
  }

  public DataNodeId getId() { return id; }
  void setId(DataNodeId id) {
    this.id = id;
    this.ipAddress = null;
  }
  public String getUuid() { return id.getUuid(); }
  public String getHost() { return id.getHost(); }

  /** IP address of the node's host, resolved once per registration. */
  public String getIpAddress() {
    String ip = ipAddress;
    if (ip == null) {
      try {
        ip = java.net.InetAddress.getByName(id.getHost()).getHostAddress();
      } catch (java.net.UnknownHostException e) {
        ip = id.getHost();
      }
      ipAddress = ip;
    }
    return ip;
  }
  /** Network location (e.g. "/rack1"), resolved at registration. */
  public String getRack() { return rack; }
  void setRack(String rack) { this.rack = rack; }

  public AdminState getAdminState() { return adminState; }
  void setAdminState(AdminState s) { this.adminState = s; }

  /** True while the node is being or has been decommissioned. */
  public boolean isDecommissioningOrDecommissioned() {
    return adminState != AdminState.IN_SERVICE;
  }

  public long getLastHeartbeatMillis() { return lastHeartbeatMillis; }
  public StorageReport getReport() { return report; }
  public boolean isDead() { return dead; }
  void setDead(boolean dead) { this.dead = dead; }

  void heartbeat(StorageReport r, long now) {
    this.report = r;
    this.lastHeartbeatMillis = now;
    this.scheduledWrites = 0;
  }

  /** Remaining bytes minus what was just promised to writers (so placement spreads). */
  public long getEffectiveRemaining(long blockSize) {
    return report.getRemaining() - (long) scheduledWrites * blockSize;
  }

  public int getLoad() { return report.getActiveTransfers() + scheduledWrites; }

  public void incrementScheduledWrites() { scheduledWrites++; }

  public void enqueue(DataNodeCommand c) { commands.add(c); }

  /** Removes and returns every queued command. */
  public List<DataNodeCommand> drainCommands() {
    List<DataNodeCommand> out = new ArrayList<>();
    for (DataNodeCommand c; (c = commands.poll()) != null; ) {
      out.add(c);
    }
    return out;
  }

  public int pendingCommandCount() { return commands.size(); }

  public DataNodeInfo toInfo(DataNodeInfo.State state) {
    StorageReport r = report;
    return new DataNodeInfo(id, r.getCapacity(), r.getUsed(), r.getRemaining(),
        r.getActiveTransfers(), lastHeartbeatMillis, rack, state);
  }

  @Override public String toString() { return id.toString(); }
}
