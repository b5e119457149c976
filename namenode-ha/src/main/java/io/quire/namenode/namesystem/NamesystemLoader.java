package io.quire.namenode.namesystem;

import io.quire.namenode.image.Checkpoint;
import io.quire.namenode.image.CheckpointStore;
import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.ops.NamespaceImage;
import io.quire.namenode.records.RecordCodec;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup of a namesystem: load the latest checkpoint, replay the journal after it with the
 * same apply code the active uses, then open the journal for writing with a new epoch and
 * start a new segment.
 */
public final class NamesystemLoader {
  private static final Logger LOG = LoggerFactory.getLogger(NamesystemLoader.class);

  private NamesystemLoader() {}

  /** Loads the checkpoint (if any) and replays the journal; returns the last txid applied. */
  public static long load(Namesystem ns, Journal journal, CheckpointStore checkpoints)
      throws IOException {
    long txId = 0;
    Optional<Checkpoint> cp = checkpoints == null ? Optional.empty() : checkpoints.loadLatest();
    if (cp.isPresent()) {
      try (DataInputStream in = cp.get().openBody()) {
        ns.updateVolatileState(() -> {
          NamespaceImage.read(ns.getState(), in);
          return null;
        });
      }
      txId = cp.get().txId();
      LOG.info("Loaded checkpoint {} ({} inodes, {} blocks)", cp.get(),
          ns.getState().tree().size(), ns.getState().blocks().size());
    }
    ns.setLastAppliedTxId(txId);
    long replayed = 0;
    try (JournalReader reader = journal.readFrom(txId + 1)) {
      for (JournalRecord r; (r = reader.next()) != null; ) {
        if (r.txId() != txId + 1) {
          throw new CorruptJournalException("replay: expected txid " + (txId + 1)
              + " but the journal has " + r.txId() + " (missing records)");
        }
        try {
          ns.replay(RecordCodec.decode(r.payload(), r.txId()), r.txId());
        } catch (IllegalStateException e) {
          throw new CorruptJournalException("replay txid " + r.txId() + ": " + e.getMessage(),
              e);
        }
        txId = r.txId();
        replayed++;
      }
    }
    LOG.info("Replayed {} journal records; namespace at txid {}", replayed, txId);
    return txId;
  }

  /**
   * Opens the journal for writing with epoch = promised + 1 (single NameNode; HA gets it from
   * its election), checks that replay reached the journal's end, and rolls a new segment.
   */
  public static JournalWriter openForWrite(Namesystem ns, Journal journal) throws IOException {
    return openForWrite(ns, journal, journal.getPromisedEpoch() + 1);
  }

  /**
   * Opens the journal for writing with {@code epoch} (HA: the epoch an election granted; a
   * stale one is refused with FencedException), checks that replay reached the journal's end,
   * rolls a new segment and lets the namesystem accept mutations.
   */
  public static JournalWriter openForWrite(Namesystem ns, Journal journal, long epoch)
      throws IOException {
    JournalWriter w = journal.openForWrite(epoch);
    if (w.getLastAppendedTxId() != ns.getLastAppliedTxId()) {
      w.close();
      throw new CorruptJournalException("open journal for writing: it ends at txid "
          + w.getLastAppendedTxId() + " but replay reached " + ns.getLastAppliedTxId());
    }
    w.rollSegment();
    ns.getHaGate().setEpoch(epoch);
    ns.setWriter(w);
    LOG.info("Journal open for writing at epoch {}, next txid {}", epoch,
        w.getLastAppendedTxId() + 1);
    return w;
  }
}
