package io.quire.namenode.namesystem;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.image.CheckpointStore;
import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.ops.NamespaceImage;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves checkpoints: on demand ({@link #saveCheckpointNow}) and from a daemon thread every
 * checkpoint period or after the configured number of transactions. After saving it rolls the
 * journal, keeps the newest images and purges journal segments older than the oldest kept one.
 */
public final class Checkpointer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  /**
   * What happens to the journal once a checkpoint is durable and old images are gone. A single
   * NameNode purges its file journal below the oldest kept image; an HA NameNode publishes its
   * checkpoint txid and the active purges the shared journal below what every NameNode needs.
   */
  public interface JournalRetention {
    /** Returns the txid the journal now starts at (for the log line). */
    long checkpointSaved(long txId, long oldestKeptImageTxId) throws IOException;

    /**
     * How many checkpoint intervals this NameNode waits before it checkpoints (1 normally). An
     * HA active answers 2: checkpoints are the standbys' work (the active would block writers
     * while it writes its image), the active takes one only when no standby did for twice the
     * interval.
     */
    default int intervalFactor() {
      return 1;
    }

    /** Runs every check period (an HA active purges the shared journal here). */
    default void periodic() throws IOException { }
  }

  private final Namesystem ns;
  private final CheckpointStore store;
  private final JournalRetention retention;
  private volatile long lastCheckpointTxId;
  private volatile long lastCheckpointMillis;
  private volatile boolean running = true;

  /** A single NameNode's checkpointer: purges its own journal below the oldest kept image. */
  public Checkpointer(Namesystem ns, Journal journal, CheckpointStore store, long loadedTxId) {
    this(ns, journal, store, loadedTxId, null);
  }

  public Checkpointer(Namesystem ns, Journal journal, CheckpointStore store, long loadedTxId,
      JournalRetention retention) {
    this.ns = ns;
    this.store = store;
    this.retention = retention != null ? retention : (txId, oldest) -> {
      journal.purgeBefore(oldest + 1);
      return oldest + 1;
    };
    this.lastCheckpointTxId = loadedTxId;
    this.lastCheckpointMillis = ns.getClock().getAsLong();
  }

  /**
   * Saves the namespace at the current txid. When this returns, the image is durable (and the
   * journal records it covers were synced before it was written).
   */
  public synchronized long saveCheckpointNow() throws IOException {
    JournalWriter w = ns.getWriter();
    long txId = ns.read(() -> {
      long t = ns.getLastAppliedTxId();
      if (w != null) {
        w.awaitSync(t); // a standby (no writer) applies only records the journal holds
      }
      store.saveAndSync(t, out -> NamespaceImage.write(ns.getState(), out));
      return t;
    });
    if (w != null) {
      w.rollSegment();
    }
    long oldest = store.purgeOldImages(ns.getOptions().checkpointsRetained());
    long from = retention.checkpointSaved(txId, oldest);
    lastCheckpointTxId = txId;
    lastCheckpointMillis = ns.getClock().getAsLong();
    LOG.info("Saved checkpoint at txid {}; journal kept from txid {}", txId, from);
    return txId;
  }

  public long getLastCheckpointTxId() { return lastCheckpointTxId; }

  public void stop() {
    running = false;
  }

  @Override public void run() {
    NameNodeOptions o = ns.getOptions();
    long check = Math.min(o.checkpointCheckPeriodMs(), o.checkpointPeriodMs());
    while (running) {
      try {
        Thread.sleep(Math.max(10, check));
        long now = ns.getClock().getAsLong();
        int factor = retention.intervalFactor();
        if (ns.getLastAppliedTxId() - lastCheckpointTxId >= factor * o.checkpointTxns()
            || (now - lastCheckpointMillis >= factor * o.checkpointPeriodMs()
                && ns.getLastAppliedTxId() > lastCheckpointTxId)) {
          saveCheckpointNow();
        }
        retention.periodic();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        LOG.error("Checkpoint failed; will retry", e);
      }
    }
  }
}
