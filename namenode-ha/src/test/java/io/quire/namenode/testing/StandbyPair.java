package io.quire.namenode.testing;

import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.records.RecordCodec;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.List;

/**
 * An active namesystem and a standby that applies the active's journal when told to (as a log
 * tailer would, batch by batch), both registered with the same DataNodes, played by hand. The
 * standby's block manager is in standby mode.
 */
public final class StandbyPair {
  public final NamesystemFixture active;
  public final NamesystemFixture standby;

  public StandbyPair(int datanodes) throws IOException {
    this.active = new NamesystemFixture();
    this.standby = new NamesystemFixture();
    standby.ns.getBlockManager().setStandby(true);
    for (int i = 0; i < datanodes; i++) {
      active.addDataNode(i);
      standby.addDataNode(i);
    }
  }

  /** Txid of the active's last journaled record. */
  public long activeTxId() {
    return active.journal.getLastTxId();
  }

  /** Applies the active's records up to {@code txId} on the standby, without processQueued. */
  public void replayTo(long txId) throws IOException {
    for (JournalRecord r : active.journal.records()) {
      if (r.txId() > standby.ns.getLastAppliedTxId() && r.txId() <= txId) {
        standby.ns.replay(RecordCodec.decode(r.payload(), r.txId()), r.txId());
      }
    }
  }

  /** One tailer batch: the records up to {@code txId}, then the queued messages they explain. */
  public void tailTo(long txId) throws IOException {
    replayTo(txId);
    processQueued();
  }

  /** Tails the whole journal. */
  public void tail() throws IOException {
    tailTo(activeTxId());
  }

  /** The standby's log tailer after a batch: {@code BlockReportProcessor.processQueued}. */
  public void processQueued() throws IOException {
    standby.ns.updateVolatileState(() -> {
      standby.ns.getBlockReports().processQueued();
      return null;
    });
  }

  /** Messages the standby holds for records it has not applied. */
  public int queued() {
    return standby.ns.getBlockManager().getQueuedMessageCount();
  }

  /** DataNode {@code dn} tells {@code fx} (incremental report) it has {@code b} in {@code s}. */
  public static void received(NamesystemFixture fx, int dn, Block b, ReplicaState s)
      throws IOException {
    fx.datanodes.blockReceivedAndDeleted(fx.registration(dn),
        List.of(new ReportedBlock(b, s)), List.of());
  }
}
