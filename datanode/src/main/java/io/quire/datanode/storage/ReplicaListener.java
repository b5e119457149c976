package io.quire.datanode.storage;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.ReportedBlock;

/** Told by {@link FsDataset} about replicas that NameNodes must hear of incrementally. */
public interface ReplicaListener {
  /** A replica was created for writing (RBW) or finalized. */
  void replicaReceived(ReportedBlock replica);

  /** A replica was deleted. */
  void replicaDeleted(Block block);
}
