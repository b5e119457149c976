package io.quire.datanode.nnactor;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReportedBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Replicas received, deleted and found corrupt that one NameNode has not been told of yet.
 * Events are batched until the actor sends them; a batch that could not be sent is put back
 * in front.
 */
final class IncrementalReport {
  /** One batch taken for sending. */
  record Batch(List<ReportedBlock> received, List<Block> deleted, List<Block> bad) {}

  private List<ReportedBlock> received = new ArrayList<>();
  private List<Block> deleted = new ArrayList<>();
  private List<Block> bad = new ArrayList<>();

  synchronized void addReceived(ReportedBlock b) { received.add(b); }

  synchronized void addDeleted(Block b) { deleted.add(b); }

  synchronized void addBad(Block b) { bad.add(b); }

  synchronized boolean isEmpty() {
    return received.isEmpty() && deleted.isEmpty() && bad.isEmpty();
  }

  /** Takes everything pending. */
  synchronized Batch take() {
    Batch b = new Batch(received, deleted, bad);
    received = new ArrayList<>();
    deleted = new ArrayList<>();
    bad = new ArrayList<>();
    return b;
  }

  /** Drops received and deleted events, which a full block report is about to cover. */
  synchronized void clearForFullReport() {
    received = new ArrayList<>();
    deleted = new ArrayList<>();
  }

  /** Puts back a batch that could not be sent, ahead of newer events. */
  synchronized void putBack(Batch b) {
    List<ReportedBlock> r = new ArrayList<>(b.received());
    r.addAll(received);
    received = r;
    List<Block> d = new ArrayList<>(b.deleted());
    d.addAll(deleted);
    deleted = d;
    List<Block> x = new ArrayList<>(b.bad());
    x.addAll(bad);
    bad = x;
  }
}
