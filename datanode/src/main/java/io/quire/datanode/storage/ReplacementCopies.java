package io.quire.datanode.storage;

import io.quire.protocol.exceptions.ReplicaNotFoundException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary copies received by TRANSFER to replace a FINALIZED replica that is known corrupt
 * or has an older generation stamp. A copy lives under {@code tmp/} of the old replica's
 * storage directory, outside the replica map (readers keep seeing the old replica), at most one
 * per block; finalizing it swaps it in ({@link ReplicaReplacer}), aborting it deletes it, and
 * {@code tmp/} is emptied at start. All methods run under the {@link FsDataset} lock.
 */
final class ReplacementCopies {
  private static final Logger LOG = LoggerFactory.getLogger(ReplacementCopies.class);

  private final FsDataset dataset;
  private final Map<Long, Replica> copies = new HashMap<>();

  ReplacementCopies(FsDataset dataset) {
    this.dataset = dataset;
  }

  /** Creates the copy of {@code b} that will replace {@code old}, or refuses. */
  Replica create(Block b, Replica.Writer writer, Replica old) throws IOException {
    synchronized (dataset) {
      if (copies.containsKey(b.getBlockId())) {
        throw new ReplicaAlreadyExistsException("receive transfer of " + b.getName()
            + ": a replacement copy is already being received");
      }
      if (old.getGenerationStamp() > b.getGenerationStamp()
          || (!old.isCorrupt() && old.getGenerationStamp() == b.getGenerationStamp())) {
        throw new ReplicaAlreadyExistsException("receive transfer of " + b.getName()
            + ": this DataNode already holds healthy " + old);
      }
      Replica r = new Replica(b.getBlockId(), b.getGenerationStamp(), ReplicaState.RBW, 0,
          old.getDir());
      r.setTemporary(true);
      File tmp = r.getBlockFile().getParentFile();
      if (!tmp.isDirectory() && !tmp.mkdirs()) {
        throw new IOException("receive transfer of " + b.getName() + ": cannot create " + tmp);
      }
      Files.deleteIfExists(r.getBlockFile().toPath());
      Files.deleteIfExists(r.getMetaFile().toPath());
      Files.createFile(r.getBlockFile().toPath());
      BlockMetaFile.create(r.getMetaFile());
      r.setWriter(writer);
      copies.put(b.getBlockId(), r);
      LOG.info("Receiving {} to replace {}", r, old);
      return r;
    }
  }

  /** Deletes an unfinished copy; the old replica stays. */
  void abort(Replica r) {
    synchronized (dataset) {
      if (copies.remove(r.getBlockId(), r)) {
        ReplicaMover.removeFiles(r);
        LOG.info("Dropped unfinished replacement copy {}", r);
      }
    }
  }

  /**
   * Swaps the complete copy {@code r} in for the block's replica (durable when this returns)
   * and reports it received. Refused when the local replica moved on meanwhile (an append
   * took it, or a newer generation stamp arrived).
   */
  void finalizeCopy(Replica r) throws IOException {
    Replica old;
    synchronized (dataset) {
      if (copies.get(r.getBlockId()) != r) {
        throw new ReplicaNotFoundException("finalize replacement " + r + ": copy was dropped");
      }
      old = dataset.map().get(r.getBlockId());
      if (old != null && (old.getState() != ReplicaState.FINALIZED
          || old.getGenerationStamp() > r.getGenerationStamp())) {
        throw new ReplicaAlreadyExistsException("finalize replacement " + r
            + ": the local replica changed meanwhile to " + old);
      }
      ReplicaReplacer.replace(r, old);
      copies.remove(r.getBlockId());
      dataset.map().put(r);
      r.resetAckedLength(r.getBytesOnDisk());
    }
    LOG.info("Replaced {} by received copy {}", old, r);
    dataset.fireReceived(r);
  }
}
