package io.quire.namenode.namesystem;

import io.quire.protocol.faults.FaultInjector;

/** The fault-injection points of one namesystem ({@link FaultInjector}). */
public final class NameNodeFaultInjector extends FaultInjector<NameNodeFaultInjector.Point> {
  /** Places in the NameNode's code where a test can inject behaviour. */
  public enum Point {
    /** Under the write lock, after validation, before the records are appended (context: the
     * records). A failure here journals nothing. */
    BEFORE_JOURNAL_APPEND,
    /** After the records were synced, before the answer goes back (context: the last txid).
     * A failure here is a lost reply: the change is durable but the caller sees an error. */
    AFTER_JOURNAL_SYNC
  }
}
