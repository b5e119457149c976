package io.quire.protocol.types;

/**
 * A DataNode as the NameNode sees it: identity plus the last reported usage and state.
 */
public final class DataNodeInfo extends DataNodeId {
  /** Administrative and liveness state of a DataNode. */
  public enum State { LIVE, STALE, DEAD, DECOMMISSIONING, DECOMMISSIONED }

  private final long capacity;
  private final long used;
  private final long remaining;
  private final int activeTransfers;
  private final long lastHeartbeatMillis;
  private final String rack;
  private final State state;

  public DataNodeInfo(DataNodeId id, long capacity, long used, long remaining,
      int activeTransfers, long lastHeartbeatMillis, String rack, State state) {
    super(id.getUuid(), id.getHost(), id.getDataPort());
    this.capacity = capacity;
    this.used = used;
    this.remaining = remaining;
    this.activeTransfers = activeTransfers;
    this.lastHeartbeatMillis = lastHeartbeatMillis;
    this.rack = rack;
    this.state = state;
  }

  /** A DataNodeInfo that carries only an address (usage unknown), e.g. for pipeline targets. */
  public static DataNodeInfo ofId(DataNodeId id) {
    return new DataNodeInfo(id, 0, 0, 0, 0, 0, "/default-rack", State.LIVE);
  }

  public long getCapacity() { return capacity; }
  public long getUsed() { return used; }
  public long getRemaining() { return remaining; }
  public int getActiveTransfers() { return activeTransfers; }
  public long getLastHeartbeatMillis() { return lastHeartbeatMillis; }
  public String getRack() { return rack; }
  public State getState() { return state; }
}
