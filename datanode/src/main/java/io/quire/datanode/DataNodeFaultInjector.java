package io.quire.datanode;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named fault-injection points of one DataNode. In production no action is registered and
 * {@link #run} is a map lookup that does nothing. Tests register an action per point on the
 * DataNode they want to disturb (never a global static, so nodes of one mini cluster differ).
 */
public final class DataNodeFaultInjector {
  /** Places in the DataNode's code where a test can inject behaviour. */
  public enum Point {
    /** After a packet was read and verified, before it is written and forwarded. */
    AFTER_RECEIVE_PACKET,
    /**
     * Before a received packet's data is written to the replica's volume (context: the
     * replica). Tests throw the IOException of a full disk ("No space left on device") or
     * delay here for a slow one.
     */
    BEFORE_VOLUME_WRITE,
    /** After the last packet was written and synced, before the replica is finalized. */
    BEFORE_FINALIZE,
    /**
     * After the directory holding an RBW replica's files was fsynced, on the replica's first
     * hsync (context: the replica). Tests count the fsyncs here.
     */
    AFTER_RBW_DIRECTORY_SYNC,
    /** Before an ack is sent upstream. */
    BEFORE_SEND_ACK,
    /** Before a heartbeat is sent to a NameNode. */
    BEFORE_HEARTBEAT
  }

  /** What a test does at a point; may throw to simulate a failure. */
  @FunctionalInterface
  public interface Action {
    void run(Object context) throws IOException;
  }

  private final Map<Point, Action> actions = new ConcurrentHashMap<>();

  /** Registers {@code action} at {@code point}, replacing any earlier one. */
  public void set(Point point, Action action) {
    actions.put(point, action);
  }

  public void clear(Point point) {
    actions.remove(point);
  }

  public void clearAll() {
    actions.clear();
  }

  /** Runs the action registered at {@code point}, if any. */
  public void run(Point point, Object context) throws IOException {
    Action a = actions.get(point);
    if (a != null) {
      a.run(context);
    }
  }
}
