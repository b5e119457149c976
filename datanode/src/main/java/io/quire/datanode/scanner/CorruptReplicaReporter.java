package io.quire.datanode.scanner;

import io.quire.datanode.storage.Replica;
import io.quire.protocol.types.Block;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a local replica found corrupt to every NameNode ({@code reportBadBlocks} through the
 * NameNode actors) exactly once: the replica is marked ({@link Replica#markCorrupt}) and stays
 * marked until it is deleted or replaced by a good copy, which is a new replica. Logs one WARN
 * per corruption, naming the block, the finder and what is wrong.
 */
public final class CorruptReplicaReporter {
  private static final Logger LOG = LoggerFactory.getLogger(CorruptReplicaReporter.class);

  private final Consumer<Block> nameNodes;
  private final AtomicLong reported = new AtomicLong();

  /** @param nameNodes queues a bad-block report to every NameNode */
  public CorruptReplicaReporter(Consumer<Block> nameNodes) {
    this.nameNodes = nameNodes;
  }

  /**
   * Marks {@code r} corrupt and reports it, unless it was already; returns whether this call
   * reported it.
   *
   * @param finder who found it (for the log), e.g. "block scanner"
   * @param detail what is wrong, naming the file and the chunk offset where known
   */
  public boolean report(Replica r, String finder, String detail) {
    if (!r.markCorrupt()) {
      return false;
    }
    LOG.warn("{} found corrupt replica {} ({}); reporting it to the NameNodes", finder, r,
        detail);
    reported.incrementAndGet();
    nameNodes.accept(r.toBlock());
    return true;
  }

  /** Corrupt replicas reported so far by this DataNode. */
  public long getReported() { return reported.get(); }
}
