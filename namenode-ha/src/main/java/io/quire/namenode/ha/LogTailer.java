package io.quire.namenode.ha;

import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.JournalReader;
import io.quire.namenode.journal.JournalRecord;
import io.quire.namenode.journal.TxIdNotRetainedException;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.records.RecordCodec;
import io.quire.protocol.exceptions.CorruptJournalException;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby's tail of the shared journal: one thread reads every record after the last one
 * applied and applies it with {@link Namesystem#replay} (the code the active and a restart
 * use), then waits on the journal for the next one ({@link Journal#awaitRecord}). After each
 * batch it calls {@code afterBatch} (the DataNode messages queued for records not yet read are
 * retried there). {@link #stop} interrupts the wait and joins, so a standby becoming active
 * does not wait out a watch.
 *
 * <p>A gap in txids or a record that does not apply is corruption: tailing stops and the
 * NameNode must not become active on that state. A start point below what the journal retains
 * means the NameNode's checkpoint is too old: it needs {@code quire namenode -bootstrapStandby}.
 */
public final class LogTailer {
  private static final Logger LOG = LoggerFactory.getLogger(LogTailer.class);
  private static final int RECORDS_PER_BATCH = 1000;

  private final Namesystem ns;
  private final Journal journal;
  private final long maxWaitMs;
  private final Runnable afterBatch;
  private final String name;
  private volatile boolean running;
  private volatile Thread thread;
  private volatile long lastSeenTxId;
  private volatile IOException fatal;

  public LogTailer(String name, Namesystem ns, Journal journal, long maxWaitMs,
      Runnable afterBatch) {
    this.name = name;
    this.ns = ns;
    this.journal = journal;
    this.maxWaitMs = maxWaitMs;
    this.afterBatch = afterBatch;
  }

  /** Starts tailing from the record after the last one applied. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    Thread t = new Thread(this::run, "LogTailer-" + name);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Stops tailing; when this returns no record is being applied. */
  public synchronized void stop() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    running = false;
    t.interrupt();
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    thread = null;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isRunning() {
    return thread != null;
  }

  /** The highest txid this NameNode has seen the journal hold. */
  public long getLastSeenTxId() {
    return Math.max(lastSeenTxId, ns.getLastAppliedTxId());
  }

  /** Why tailing stopped for good (corruption, or a checkpoint older than the journal), or null. */
  public IOException getFatalError() {
    return fatal;
  }

  /**
   * Reads and applies every record up to the journal's end (a new active, after promising its
   * epoch, so the end is final). Call only while the thread is stopped.
   *
   * @return the number of records applied
   */
  public long catchUp() throws IOException {
    long n = 0;
    try (JournalReader r = journal.readFrom(ns.getLastAppliedTxId() + 1)) {
      for (JournalRecord rec; (rec = r.next()) != null; ) {
        apply(rec);
        n++;
      }
    }
    if (n > 0) {
      afterBatch.run();
    }
    return n;
  }

  private void run() {
    long backoff = 50;
    while (running) {
      try (JournalReader r = journal.readFrom(ns.getLastAppliedTxId() + 1)) {
        while (running) {
          int applied = 0;
          for (JournalRecord rec; applied < RECORDS_PER_BATCH && running
              && (rec = r.next()) != null; ) {
            apply(rec);
            applied++;
          }
          if (applied > 0) {
            afterBatch.run();
            backoff = 50;
            continue;
          }
          journal.awaitRecord(ns.getLastAppliedTxId() + 1, maxWaitMs);
        }
      } catch (InterruptedIOException e) {
        return; // stopped
      } catch (TxIdNotRetainedException e) {
        fatal = e;
        LOG.error("NameNode {} cannot tail the shared journal: {}. Its checkpoint is older than"
            + " what the journal keeps; run `quire namenode -bootstrapStandby` on it.", name,
            e.getMessage());
        return;
      } catch (CorruptJournalException e) {
        fatal = e;
        LOG.error("NameNode {} stops tailing the shared journal: {}", name, e.getMessage(), e);
        return;
      } catch (IOException | RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("NameNode {}: tailing the shared journal failed, retrying in {} ms: {}", name,
            backoff, e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          return;
        }
        backoff = Math.min(backoff * 2, 2000);
      }
    }
  }

  private void apply(JournalRecord rec) throws CorruptJournalException {
    long expected = ns.getLastAppliedTxId() + 1;
    if (rec.txId() != expected) {
      throw new CorruptJournalException("tail: expected txid " + expected
          + " but the journal has " + rec.txId() + " (missing records)");
    }
    try {
      ns.replay(RecordCodec.decode(rec.payload(), rec.txId()), rec.txId());
    } catch (IllegalStateException e) {
      throw new CorruptJournalException("tail: record txid " + rec.txId() + " does not apply: "
          + e.getMessage(), e);
    }
    lastSeenTxId = Math.max(lastSeenTxId, rec.txId());
  }
}
