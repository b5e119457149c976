package io.quire.namenode.journal;

/**
 * One record of the journal: its transaction id, the epoch of the writer that wrote it, and an
 * opaque payload (the NameNode's encoded operation; see the records package).
 */
public record JournalRecord(long txId, long epoch, byte[] payload) {}
