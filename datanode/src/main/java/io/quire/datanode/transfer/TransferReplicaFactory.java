package io.quire.datanode.transfer;

import io.quire.datanode.scanner.ReplicaVerifier;
import io.quire.datanode.scanner.VerifyResult;
import io.quire.datanode.storage.Replica;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReplicaState;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Takes the replica a WRITE_BLOCK of stage TRANSFER writes into. When this node already holds
 * a FINALIZED replica of the same generation stamp not yet known corrupt, it is verified first
 * (the NameNode sends a good copy to a node whose replica it believes corrupt, e.g. after a
 * client's report, HDFS-17798): a replica that fails is reported corrupt and the transfer is
 * received into a temporary copy that replaces it; a healthy one makes the transfer fail with
 * ERROR_EXISTS. See {@link io.quire.datanode.storage.FsDataset#createForTransfer}.
 */
final class TransferReplicaFactory {
  private TransferReplicaFactory() {}

  static Replica create(TransferContext ctx, Block b, Replica.Writer writer)
      throws IOException {
    Replica old = ctx.getDataset().getReplica(b.getBlockId());
    if (old != null && old.getState() == ReplicaState.FINALIZED && !old.isCorrupt()
        && old.getGenerationStamp() == b.getGenerationStamp()) {
      VerifyResult v;
      try {
        v = new ReplicaVerifier().verify(old, ReplicaVerifier.ReadGate.NONE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("receive transfer of " + b.getName()
            + ": interrupted while verifying the local replica");
      }
      if (v.isCorrupt() && ctx.getDataset().isCurrent(old)) {
        ctx.getCorruptReporter().report(old, "TRANSFER receiver", v.describe());
      }
    }
    return ctx.getDataset().createForTransfer(b, writer);
  }
}
