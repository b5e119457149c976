package io.quire.datanode.recovery;

import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.transfer.BlockOpClient;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.datatransfer.Op;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.StandbyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block recovery run by the primary DataNode (lease recovery): RECOVERY_INIT on every replica
 * node (this one locally), agree on the shortest length among the replicas that answered,
 * RECOVERY_UPDATE each of them to that length and the new generation stamp, then report the
 * outcome with commitBlockSynchronization to every NameNode (standbys refuse; ignored).
 * Unreachable nodes are left out; when no replica answers the block is reported for deletion.
 * Copy on truncate (a new block id): RECOVERY_INIT on the old block's replicas as above, then
 * RECOVERY_COPY instead of RECOVERY_UPDATE (each node copies the agreed prefix to a new
 * replica of the new block, its old replica untouched), and the new block is committed.
 */
public final class BlockRecoveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(BlockRecoveryWorker.class);

  private final Supplier<DataNodeId> self;
  private final FsDataset dataset;
  private final BlockOpClient client;
  private final Supplier<List<DataNodeProtocol>> nameNodes;

  public BlockRecoveryWorker(Supplier<DataNodeId> self, FsDataset dataset, BlockOpClient client,
      Supplier<List<DataNodeProtocol>> nameNodes) {
    this.self = self;
    this.dataset = dataset;
    this.client = client;
    this.nameNodes = nameNodes;
  }

  /** A replica node that took part, with what it reported. */
  private record Participant(DataNodeId node, ReportedBlock replica) {}

  /** Recovers {@code b} on {@code nodes} to {@code newGs}; returns the agreed length. */
  public long recover(Block b, long newGs, List<? extends DataNodeId> nodes) throws IOException {
    return recover(b, newGs, nodes, 0);
  }

  /**
   * Recovers {@code b} on {@code nodes} to {@code newGs}, in place or, with a
   * {@code newBlockId} other than 0, as a copy to that block; returns the agreed length.
   */
  public long recover(Block b, long newGs, List<? extends DataNodeId> nodes, long newBlockId)
      throws IOException {
    boolean copy = newBlockId != 0 && newBlockId != b.getBlockId();
    Block committed = copy ? new Block(newBlockId, newGs, 0) : b;
    List<Participant> parts = new ArrayList<>();
    for (DataNodeId n : nodes) {
      try {
        ReportedBlock r = init(n, b, newGs);
        if (r.getBlock().getBlockId() == b.getBlockId()) {
          parts.add(new Participant(n, r));
        }
      } catch (IOException e) {
        LOG.warn("Recovery of {}: RECOVERY_INIT on {} failed: {}", b.getName(), n,
            e.getMessage());
      }
    }
    if (parts.isEmpty()) {
      LOG.warn("Recovery of {}: no replica answered; asking NameNodes to delete the block",
          b.getName());
      commit(committed, newGs, 0, true, List.of());
      return 0;
    }
    // The command's block length caps what replicas keep: the new length for a truncate,
    // Long.MAX_VALUE for lease recovery (then the shortest replica decides).
    long minLength = b.getNumBytes();
    for (Participant p : parts) {
      minLength = Math.min(minLength, p.replica().getBlock().getNumBytes());
    }
    List<DataNodeId> survivors = new ArrayList<>();
    for (Participant p : parts) {
      try {
        if (copy) {
          copy(p.node(), b, newGs, minLength, newBlockId);
        } else {
          update(p.node(), b, newGs, minLength);
        }
        survivors.add(p.node());
      } catch (IOException e) {
        LOG.warn("Recovery of {}: {} on {} failed: {}", b.getName(),
            copy ? Op.RECOVERY_COPY : Op.RECOVERY_UPDATE, p.node(), e.getMessage());
      }
    }
    if (survivors.isEmpty()) {
      throw new IOException("recover " + b.getName() + " to gs " + newGs
          + ": every " + (copy ? Op.RECOVERY_COPY : Op.RECOVERY_UPDATE) + " failed on " + nodes);
    }
    commit(committed, newGs, minLength, false, survivors);
    LOG.info("Recovered {} to gs {} and length {} on {}{}", b.getName(), newGs, minLength,
        survivors, copy ? " as a copy to blk_" + newBlockId : "");
    return minLength;
  }

  private boolean isSelf(DataNodeId n) {
    return n.getUuid().equals(self.get().getUuid());
  }

  private ReportedBlock init(DataNodeId n, Block b, long newGs) throws IOException {
    if (isSelf(n)) {
      return dataset.initRecovery(b, newGs);
    }
    return answer(n, client.call(n, Op.RECOVERY_INIT, b, newGs, 0), b);
  }

  private void update(DataNodeId n, Block b, long newGs, long len) throws IOException {
    if (isSelf(n)) {
      dataset.updateRecovery(b, newGs, len);
    } else {
      answer(n, client.call(n, Op.RECOVERY_UPDATE, b, newGs, len), b);
    }
  }

  private void copy(DataNodeId n, Block b, long newGs, long len, long newBlockId)
      throws IOException {
    if (isSelf(n)) {
      dataset.copyForTruncate(b, newGs, len, newBlockId);
    } else {
      answer(n, client.call(n, Op.RECOVERY_COPY, b, newGs, len, newBlockId), b);
    }
  }

  private static ReportedBlock answer(DataNodeId n, OpResponse r, Block b) throws IOException {
    if (!r.isSuccess()) {
      throw new IOException(n + " answered " + r);
    }
    ReplicaState s = r.getReplicaState();
    return new ReportedBlock(new Block(b.getBlockId(), r.getGenerationStamp(), r.getLength()), s);
  }

  private void commit(Block b, long newGs, long len, boolean deleteBlock,
      List<DataNodeId> survivors) throws IOException {
    int accepted = 0;
    IOException last = null;
    for (DataNodeProtocol nn : nameNodes.get()) {
      try {
        nn.commitBlockSynchronization(b, newGs, len, true, deleteBlock, survivors);
        accepted++;
      } catch (IOException e) {
        if (!isStandby(e)) {
          last = e;
          LOG.warn("Recovery of {}: commitBlockSynchronization failed: {}", b.getName(),
              e.toString());
        }
      }
    }
    if (accepted == 0) {
      throw new IOException("recover " + b.getName() + ": no NameNode accepted"
          + " commitBlockSynchronization", last);
    }
  }

  private static boolean isStandby(IOException e) {
    return e instanceof StandbyException || (e instanceof RemoteException
        && StandbyException.class.getName().equals(((RemoteException) e).getClassName()));
  }
}
