package io.quire.namenode.namesystem;

import io.quire.protocol.ha.StandbyHint;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.NameNodeHaState;
import java.util.function.Supplier;
import org.apache.hadoop.ipc.StandbyException;

/**
 * The NameNode's HA state as everything that serves calls sees it: client calls and mutations
 * run only while {@link HaState#ACTIVE}; otherwise they get a {@link StandbyException} (the
 * client fails over) that names the active NameNode when it is known ({@link StandbyHint}).
 * A single NameNode (no nameservice) is ACTIVE for its whole life. Thread-safe; the HA
 * controller is the only writer.
 */
public final class HaGate {
  private final String nameNodeId;
  private volatile HaState state;
  private volatile long epoch;
  private volatile Supplier<String> activeAddress = () -> null;

  private HaGate(String nameNodeId, HaState state) {
    this.nameNodeId = nameNodeId;
    this.state = state;
  }

  /** The gate of a NameNode without a nameservice: always active. */
  public static HaGate single() {
    return new HaGate("", HaState.ACTIVE);
  }

  /** The gate of NameNode {@code id} of a nameservice: initializing until the controller runs. */
  public static HaGate member(String id) {
    return new HaGate(id, HaState.INITIALIZING);
  }

  public HaState state() { return state; }
  public long epoch() { return epoch; }
  public String nameNodeId() { return nameNodeId; }
  public boolean isActive() { return state == HaState.ACTIVE; }

  /** What this NameNode tells DataNodes about itself. */
  public NameNodeHaState describe() {
    return new NameNodeHaState(state, epoch);
  }

  /** Sets state and epoch (the HA controller; a single NameNode once its journal is open). */
  public void set(HaState s, long e) {
    this.epoch = e;
    this.state = s;
  }

  public void setEpoch(long e) {
    this.epoch = e;
  }

  /** Where the active NameNode is thought to be ("host:port"), for hints; null when unknown. */
  public void setActiveAddress(Supplier<String> address) {
    this.activeAddress = address;
  }

  /** Passes when this NameNode serves clients; else throws the standby answer for {@code op}. */
  public void checkActive(String op) throws StandbyException {
    if (state != HaState.ACTIVE) {
      throw standby(op);
    }
  }

  /** The answer to {@code op} on a NameNode that is not active. */
  public StandbyException standby(String op) {
    String active = activeAddress.get();
    return new StandbyException("Operation " + op + " is not supported in state " + state
        + " (NameNode " + nameNodeId + ")" + StandbyHint.format(active));
  }
}
