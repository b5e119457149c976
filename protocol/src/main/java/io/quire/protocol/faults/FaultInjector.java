package io.quire.protocol.faults;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named fault-injection points of one server (a NameNode's namesystem, a DataNode), the one
 * implementation both servers use with their own enum of points. In production no action is
 * registered and {@link #run} does nothing but an emptiness check. Tests register an action per
 * point on the server they want to disturb (held per server, never a global static, so the
 * nodes of one mini cluster differ).
 *
 * @param <P> the server's points
 */
public class FaultInjector<P extends Enum<P>> {
  /** What a test does at a point; may throw to simulate a failure. */
  @FunctionalInterface
  public interface Action {
    void run(Object context) throws IOException;
  }

  private final Map<P, Action> actions = new ConcurrentHashMap<>();

  /** Registers {@code action} at {@code point}, replacing any earlier one. */
  public void set(P point, Action action) {
    actions.put(point, action);
  }

  public void clear(P point) {
    actions.remove(point);
  }

  public void clearAll() {
    actions.clear();
  }

  /** Runs the action registered at {@code point}, if any. */
  public void run(P point, Object context) throws IOException {
    if (actions.isEmpty()) {
      return;
    }
    Action a = actions.get(point);
    if (a != null) {
      a.run(context);
    }
  }
}
