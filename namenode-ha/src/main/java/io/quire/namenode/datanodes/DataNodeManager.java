package io.quire.namenode.datanodes;

import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.UnregisteredNodeException;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.StorageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered DataNodes and their liveness. A node is stale after {@code staleMs} without a
 * heartbeat (placement avoids it) and dead after {@code expireMs} (its replicas are forgotten
 * by {@link #findNewlyDead}'s caller). Volatile state only: nothing here is journaled.
 */
public final class DataNodeManager {
  private static final Logger LOG = LoggerFactory.getLogger(DataNodeManager.class);

  private final Map<String, DataNodeDescriptor> nodes = new ConcurrentHashMap<>();
  private final String clusterId;
  private final LongSupplier clock;
  private final long staleMs;
  private final long expireMs;
  private volatile RackResolver racks =
      RackResolver.from(new org.apache.hadoop.conf.Configuration(false));

  public DataNodeManager(String clusterId, LongSupplier clock, long staleMs, long expireMs) {
    this.clusterId = clusterId;
    this.clock = clock;
    this.staleMs = staleMs;
    this.expireMs = expireMs;
  }

  /** Sets the topology mapping used for nodes registering from now on. */
  public void setRackResolver(RackResolver r) { this.racks = r; }

  public long getStaleMs() { return staleMs; }
  public long getExpireMs() { return expireMs; }

  public String getClusterId() { return clusterId; }

  /** Registers or re-registers a node; its replicas are known after its block report. */
  public DataNodeDescriptor register(DataNodeRegistration reg) throws IncompatibleStorageException {
    if (!clusterId.equals(reg.getClusterId())) {
      throw new IncompatibleStorageException("registerDataNode " + reg.getId()
          + ": cluster id " + reg.getClusterId() + " does not match this NameNode's cluster id "
          + clusterId);
    }
    DataNodeId id = reg.getId();
    long now = clock.getAsLong();
    DataNodeDescriptor d =
        nodes.computeIfAbsent(id.getUuid(), u -> new DataNodeDescriptor(id, now));
    d.setId(id);
    d.heartbeat(d.getReport(), now);
    d.setDead(false);
    d.setRack(racks.resolve(id.getHost(), d.getIpAddress()));
    LOG.info("Registered DataNode {} on rack {}", id, d.getRack());
    return d;
  }

  /** The node sending a request, or UnregisteredNodeException (it must register again). */
  public DataNodeDescriptor getRegistered(DataNodeRegistration reg, String op)
      throws UnregisteredNodeException {
    DataNodeDescriptor d = nodes.get(reg.getId().getUuid());
    if (d == null || d.isDead()) {
      throw new UnregisteredNodeException(op + ": DataNode " + reg.getId()
          + " is not registered with this NameNode; register again");
    }
    return d;
  }

  public DataNodeDescriptor get(String uuid) { return nodes.get(uuid); }

  public void heartbeat(DataNodeDescriptor d, StorageReport report) {
    d.heartbeat(report, clock.getAsLong());
  }

  public boolean isLive(DataNodeDescriptor d) {
    return !d.isDead() && clock.getAsLong() - d.getLastHeartbeatMillis() < expireMs;
  }

  public boolean isStale(DataNodeDescriptor d) {
    return clock.getAsLong() - d.getLastHeartbeatMillis() >= staleMs;
  }

  public List<DataNodeDescriptor> getLiveNodes() {
    List<DataNodeDescriptor> out = new ArrayList<>(nodes.size());
    for (DataNodeDescriptor d : nodes.values()) {
      if (isLive(d)) {
        out.add(d);
      }
    }
    return out;
  }

  public int getLiveCount() {
    int n = 0;
    for (DataNodeDescriptor d : nodes.values()) {
      if (isLive(d)) {
        n++;
      }
    }
    return n;
  }

  /** Marks nodes silent for longer than the expiry as dead and returns them. */
  public List<DataNodeDescriptor> findNewlyDead() {
    List<DataNodeDescriptor> dead = new ArrayList<>();
    for (DataNodeDescriptor d : nodes.values()) {
      if (!d.isDead() && !isLive(d)) {
        d.setDead(true);
        LOG.warn("DataNode {} is dead: no heartbeat for {} ms", d.getId(),
            clock.getAsLong() - d.getLastHeartbeatMillis());
        dead.add(d);
      }
    }
    return dead;
  }

  public List<DataNodeInfo> getReport() {
    List<DataNodeInfo> out = new ArrayList<>(nodes.size());
    for (DataNodeDescriptor d : nodes.values()) {
      out.add(d.toInfo(stateOf(d)));
    }
    return out;
  }

  /**
   * A node's state as reports show it: DEAD when past the expiry, else its admin state when
   * decommissioning or decommissioned, else STALE or LIVE.
   */
  public DataNodeInfo.State stateOf(DataNodeDescriptor d) {
    if (d.isDead() || !isLive(d)) {
      return DataNodeInfo.State.DEAD;
    }
    switch (d.getAdminState()) {
      case DECOMMISSIONING: return DataNodeInfo.State.DECOMMISSIONING;
      case DECOMMISSIONED: return DataNodeInfo.State.DECOMMISSIONED;
      default: return isStale(d) ? DataNodeInfo.State.STALE : DataNodeInfo.State.LIVE;
    }
  }

  /** Live and in service: its good replicas count toward replication; it may take new ones. */
  public boolean isInService(DataNodeDescriptor d) {
    return d.getAdminState() == AdminState.IN_SERVICE && isLive(d);
  }

  /** Every registered node (dead ones included). */
  public List<DataNodeDescriptor> getAllNodes() {
    return new ArrayList<>(nodes.values());
  }

  /** The node whose UUID or data address ("host:port") is {@code key}, or null. */
  public DataNodeDescriptor find(String key) {
    DataNodeDescriptor d = nodes.get(key);
    if (d != null) {
      return d;
    }
    for (DataNodeDescriptor n : nodes.values()) {
      if (n.getId().getDataAddress().equals(key)
          || (n.getIpAddress() + ":" + n.getId().getDataPort()).equals(key)) {
        return n;
      }
    }
    return null;
  }

  /**
   * Changes a node's admin state; returns false when it already was in that state (or, on
   * decommission, already DECOMMISSIONED).
   */
  public boolean setAdminState(DataNodeDescriptor d, AdminState target) {
    AdminState current = d.getAdminState();
    if (current == target
        || (target == AdminState.DECOMMISSIONING && current == AdminState.DECOMMISSIONED)) {
      return false;
    }
    d.setAdminState(target);
    LOG.info("DataNode {}: {} -> {}", d.getId(), current, target);
    return true;
  }
}
