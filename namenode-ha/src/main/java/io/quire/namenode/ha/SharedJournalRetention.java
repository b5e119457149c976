package io.quire.namenode.ha;

import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.zk.ZkCheckpointRegistry;
import io.quire.namenode.namesystem.Checkpointer;
import io.quire.namenode.namesystem.HaGate;
import java.io.IOException;

/**
 * Checkpoints and the shared journal's window in HA: every NameNode publishes the txid of its
 * oldest kept image after a checkpoint; the active deletes the batches every NameNode is done
 * with (below the lowest published txid, {@link ZkCheckpointRegistry#purge}) at every check
 * period. Standbys take the scheduled checkpoints; the active waits twice the interval (a
 * checkpoint holds the namesystem lock while the image is written, which writers would feel),
 * so it checkpoints only when no standby does.
 */
public final class SharedJournalRetention implements Checkpointer.JournalRetention {
  private final String selfId;
  private final ZkCheckpointRegistry registry;
  private final Journal journal;
  private final HaGate gate;

  public SharedJournalRetention(String selfId, ZkCheckpointRegistry registry, Journal journal,
      HaGate gate) {
    this.selfId = selfId;
    this.registry = registry;
    this.journal = journal;
    this.gate = gate;
  }

  @Override public long checkpointSaved(long txId, long oldestKeptImageTxId) throws IOException {
    registry.publishCheckpoint(selfId, oldestKeptImageTxId);
    return gate.isActive() ? registry.purge(journal) : registry.retainFrom();
  }

  @Override public int intervalFactor() {
    return gate.isActive() ? 2 : 1;
  }

  @Override public void periodic() throws IOException {
    if (gate.isActive()) {
      registry.purge(journal);
    }
  }
}
