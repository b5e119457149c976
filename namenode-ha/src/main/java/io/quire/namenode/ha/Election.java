package io.quire.namenode.ha;

import java.io.Closeable;
import java.io.IOException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This NameNode's place in the election: a Curator {@link LeaderLatch} at
 * {@code <ns-znode>/election} with the NameNode id as participant id. The first participant
 * (oldest ephemeral-sequential node) is the leader. Leadership is a hint only: the journal
 * epoch fences writers (see HA.md). Every change of leadership calls {@code onChange}.
 */
public final class Election implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Election.class);

  private final CuratorFramework client;
  private final String path;
  private final String id;
  private final Runnable onChange;
  private LeaderLatch latch;

  public Election(CuratorFramework client, String nameserviceZnode, String id,
      Runnable onChange) {
    this.client = client;
    this.path = nameserviceZnode + "/election";
    this.id = id;
    this.onChange = onChange;
  }

  /** Joins the election. */
  public synchronized void start() throws IOException {
    latch = newLatch();
  }

  private LeaderLatch newLatch() throws IOException {
    LeaderLatch l = new LeaderLatch(client, path, id);
    l.addListener(new LeaderLatchListener() {
      @Override public void isLeader() {
        LOG.info("NameNode {} leads the election", id);
        onChange.run();
      }

      @Override public void notLeader() {
        LOG.info("NameNode {} no longer leads the election", id);
        onChange.run();
      }
    });
    try {
      l.start();
    } catch (Exception e) {
      throw new IOException("join election at " + path + " as " + id + ": " + e, e);
    }
    return l;
  }

  /** Whether the latch says this NameNode leads (its cached view; a hint). */
  public synchronized boolean hasLeadership() {
    return latch != null && latch.hasLeadership();
  }

  /**
   * The id of the leading participant according to ZooKeeper now (a read), or null when
   * nobody leads or ZooKeeper cannot be asked.
   */
  public String leaderIdNow() {
    LeaderLatch l;
    synchronized (this) {
      l = latch;
    }
    if (l == null) {
      return null;
    }
    try {
      Participant p = l.getLeader();
      return p.isLeader() && !p.getId().isEmpty() ? p.getId() : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Leaves the election and joins it again at the back of the line. */
  public synchronized void rejoin() throws IOException {
    LeaderLatch old = latch;
    latch = null;
    if (old != null) {
      closeQuietly(old);
    }
    latch = newLatch();
    LOG.info("NameNode {} rejoined the election at the back of the line", id);
  }

  @Override public synchronized void close() {
    if (latch != null) {
      closeQuietly(latch);
      latch = null;
    }
  }

  private void closeQuietly(LeaderLatch l) {
    try {
      l.close(LeaderLatch.CloseMode.SILENT);
    } catch (IOException | IllegalStateException e) {
      LOG.warn("Leaving the election at {}: {}", path, e.toString());
    }
  }
}
