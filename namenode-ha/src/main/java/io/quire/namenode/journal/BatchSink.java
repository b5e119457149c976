package io.quire.namenode.journal;

import java.io.IOException;

/**
 * Where a {@link GroupCommitWriter} puts its batches: a segment file ({@link
 * FencedSegmentOutput}) or ZooKeeper ({@code io.quire.namenode.journal.zk.ZkBatchSink}). Each
 * batch is a run of whole records in {@link JournalRecordFormat} layout with consecutive txids.
 * The writer calls a sink from one thread at a time; the sink checks its writer's fence itself.
 */
public interface BatchSink {

  /**
   * When this returns, {@code data[0, length)}, the records with txids {@code firstTxId ..
   * lastTxId}, are durable in the log.
   *
   * @throws io.quire.protocol.exceptions.FencedException if a newer epoch owns the log; nothing
   *     of this batch was written unless the exception says otherwise
   */
  void writeAndSync(byte[] data, int length, long firstTxId, long lastTxId) throws IOException;

  /**
   * Ends the current unit of the log (a segment) after {@code lastTxId} and starts the next;
   * durable when it returns. Does nothing when the current unit holds no record, or when the
   * log has no such units.
   */
  void roll(long lastTxId) throws IOException;

  /** At a clean close, after the last batch: finishes the current unit at {@code lastTxId}. */
  void finish(long lastTxId) throws IOException;

  /** Releases what the sink holds without touching the log (also after {@link #finish}). */
  void close() throws IOException;

  /** Batches written and made durable so far (fsyncs or ZooKeeper multis). */
  long syncCount();
}
