package io.quire.namenode.namesystem;

import io.quire.namenode.journal.JournalSyncer;
import io.quire.namenode.namesystem.Namesystem.SyncPoint;
import io.quire.protocol.rpc.DeferredAnswer;
import java.io.IOException;

/**
 * The held answer of one client call, let go by the journal syncer: released once the sync
 * covered the call's records (after the {@link NameNodeFaultInjector.Point#AFTER_JOURNAL_SYNC}
 * point, whose failure replaces the answer, as a lost reply), failed with what a failed sync
 * means for a caller ({@link Namesystem#journalFailed}: the journal's exception on a single
 * NameNode, which stops; a StandbyException in HA, where the caller retries on the new active).
 */
final class DurableAnswer implements JournalSyncer.Waiter {
  private final Namesystem ns;
  private final DeferredAnswer held;
  private final SyncPoint point;
  private final boolean firstAnswer;
  private final long heldAt = System.nanoTime();

  /**
   * @param firstAnswer false for a repeated call answered from the retry cache (the fault
   *     point runs for the first answer only)
   */
  DurableAnswer(Namesystem ns, DeferredAnswer held, SyncPoint point, boolean firstAnswer) {
    this.ns = ns;
    this.held = held;
    this.point = point;
    this.firstAnswer = firstAnswer;
  }

  @Override public void synced() {
    ns.getSyncTimer().add(System.nanoTime() - heldAt);
    if (firstAnswer) {
      try {
        ns.getFaultInjector().run(NameNodeFaultInjector.Point.AFTER_JOURNAL_SYNC,
            point.txId());
      } catch (IOException | RuntimeException e) {
        held.fail(e);
        return;
      }
    }
    held.release();
  }

  @Override public void failed(IOException cause) {
    held.fail(ns.journalFailed(point.writer(), cause));
  }
}
