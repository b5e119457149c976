package io.quire.datanode.nnactor;

import io.quire.protocol.types.NameNodeHaState;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whose block commands a DataNode obeys: only a NameNode that says it is ACTIVE with
 * the highest epoch this DataNode has seen (HDFS's rule for HA). A deposed active that has not
 * noticed yet still says ACTIVE, but with an older epoch than its successor's, so once the
 * DataNode has heard from the new active it ignores the old one; and before that, the old
 * active's epoch is still the newest the DataNode knows of, which is safe because the new
 * active has not sent anything yet. Shared by the actors of one DataNode; thread-safe.
 */
public final class CommandAuthority {
  private static final Logger LOG = LoggerFactory.getLogger(CommandAuthority.class);

  private long highestEpoch = Long.MIN_VALUE;
  private InetSocketAddress active;

  /**
   * Whether the commands in an answer of the NameNode at {@code from}, which described itself
   * as {@code state}, may be carried out. Records a newer active.
   */
  public synchronized boolean mayCommand(InetSocketAddress from, NameNodeHaState state) {
    if (!state.isActive()) {
      return false;
    }
    if (state.epoch() < highestEpoch) {
      LOG.warn("NameNode {} claims to be active with epoch {} but {} is active with epoch {}: "
          + "ignoring its commands", from, state.epoch(), active, highestEpoch);
      return false;
    }
    if (state.epoch() > highestEpoch || !from.equals(active)) {
      LOG.info("NameNode {} is active with epoch {}", from, state.epoch());
      highestEpoch = state.epoch();
      active = from;
    }
    return true;
  }

  /** The NameNode obeyed last, or null before any. */
  public synchronized InetSocketAddress getActive() {
    return active;
  }

  public synchronized long getHighestEpoch() {
    return highestEpoch;
  }
}
