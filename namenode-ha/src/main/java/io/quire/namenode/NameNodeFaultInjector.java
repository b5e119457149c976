package io.quire.namenode;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named fault-injection points of one namesystem. In production no action is registered and
 * {@link #run} is a map lookup that does nothing. Tests register an action per point on the
 * NameNode they want to disturb (held per namesystem, never a global static).
 */
public final class NameNodeFaultInjector {
  /** Places in the NameNode's code where a test can inject behaviour. */
  public enum Point {
    /** Under the write lock, after validation, before the records are appended (context: the
     * records). A failure here journals nothing. */
    BEFORE_JOURNAL_APPEND,
    /** After the records were synced, before the answer goes back (context: the last txid).
     * A failure here is a lost reply: the change is durable but the caller sees an error. */
    AFTER_JOURNAL_SYNC
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

  /** Runs the action registered at {@code point}, if any. */
  public void run(Point point, Object context) throws IOException {
    if (actions.isEmpty()) {
      return;
    }
    Action a = actions.get(point);
    if (a != null) {
      a.run(context);
    }
  }
}
