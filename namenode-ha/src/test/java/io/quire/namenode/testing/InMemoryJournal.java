package io.quire.namenode.testing;

import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.JournalWriter;
import io.quire.protocol.exceptions.FencedException;
import java.util.ArrayList;
import java.util.List;

/** A journal in memory for namesystem tests: every append is "synced" at once. */
public final class InMemoryJournal implements Journal {
  private final List<JournalRecord> records = new ArrayList<>();
  private long promisedEpoch;
  private long purgedBefore = 1;

  @Override public synchronized JournalWriter openForWrite(long epoch) throws FencedException {
    if (epoch <= promisedEpoch) {
      throw new FencedException("epoch " + epoch + " <= promised " + promisedEpoch);
    }
    promisedEpoch = epoch;
    return new Writer(epoch);
  }

  @Override public synchronized JournalReader readFrom(long fromTxId) {
    List<JournalRecord> copy = new ArrayList<>();
    for (JournalRecord r : records) {
      if (r.txId() >= fromTxId) {
        copy.add(r);
      }
    }
    return new JournalReader() {
      int i;

      @Override public JournalRecord next() {
        return i < copy.size() ? copy.get(i++) : null;
      }

      @Override public void close() {}
    };
  }

  @Override public synchronized long getLastTxId() {
    return records.isEmpty() ? purgedBefore - 1 : records.get(records.size() - 1).txId();
  }

  @Override public synchronized long getPromisedEpoch() { return promisedEpoch; }

  @Override public synchronized void purgeBefore(long txId) {
    records.removeIf(r -> r.txId() < txId);
    purgedBefore = Math.max(purgedBefore, txId);
  }

  public synchronized List<JournalRecord> records() { return new ArrayList<>(records); }

  @Override public void close() {}

  private final class Writer implements JournalWriter {
    private final long epoch;

    Writer(long epoch) { this.epoch = epoch; }

    @Override public long getEpoch() { return epoch; }

    @Override public long append(List<byte[]> payloads) throws FencedException {
      synchronized (InMemoryJournal.this) {
        if (epoch != promisedEpoch) {
          throw new FencedException("writer of epoch " + epoch + " fenced by " + promisedEpoch);
        }
        long tx = getLastTxId();
        for (byte[] p : payloads) {
          records.add(new JournalRecord(++tx, epoch, p));
        }
        return tx;
      }
    }

    @Override public void awaitSync(long txId) {}

    @Override public void rollSegment() {}

    @Override public long getLastAppendedTxId() {
      return getLastTxId();
    }

    @Override public void close() {}
  }
}
