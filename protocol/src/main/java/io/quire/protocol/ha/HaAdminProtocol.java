package io.quire.protocol.ha;

import io.quire.protocol.types.HaStatus;
import java.io.IOException;
import org.apache.hadoop.io.retry.Idempotent;

/**
 * HA administration of one NameNode (served by every NameNode, whatever its state; callers
 * address one NameNode directly, never through failover). Superuser only.
 *
 * <p>A planned failover ({@code quire admin ha failover [--to id]}) is: every NameNode other
 * than the target and the active {@link #rejoinElection()}s (so the target is next in line),
 * then the active {@link #transitionToStandby()}s; the target then becomes active.
 */
public interface HaAdminProtocol {
  long VERSION = 1L;

  @Idempotent
  HaStatus getHaStatus() throws IOException;

  /**
   * An active NameNode stops serving, syncs and closes its journal writer, gives up its place
   * in the election and becomes a standby (it rejoins the election at the back of the line).
   * On a NameNode that is not active this does nothing. Returns once this NameNode is standby.
   */
  @Idempotent
  void transitionToStandby() throws IOException;

  /**
   * A standby leaves the election and joins it again at the back of the line. On the active
   * this is refused (use {@link #transitionToStandby()}).
   */
  @Idempotent
  void rejoinElection() throws IOException;
}
