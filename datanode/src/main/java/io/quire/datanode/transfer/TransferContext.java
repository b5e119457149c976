package io.quire.datanode.transfer;

import io.quire.datanode.conf.DataNodeOptions;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.metrics.DataNodeMetrics;
import io.quire.datanode.scanner.CorruptReplicaReporter;
import io.quire.datanode.security.BlockTokens;
import io.quire.datanode.storage.FsDataset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the data-transfer code needs of its DataNode: dataset, options, fault points, metrics,
 * the reporter of corrupt local replicas, the packet buffer budget and the block tokens.
 */
public final class TransferContext {
  private final FsDataset dataset;
  private final DataNodeOptions options;
  private final DataNodeFaultInjector faults;
  private final DataNodeMetrics metrics;
  private final CorruptReplicaReporter corruptReporter;
  private final AtomicInteger activeTransfers = new AtomicInteger();
  private final BufferBudget buffers;
  private final BlockTokens tokens;

  public TransferContext(FsDataset dataset, DataNodeOptions options,
      DataNodeFaultInjector faults, DataNodeMetrics metrics,
      CorruptReplicaReporter corruptReporter, BlockTokens tokens) {
    this.tokens = tokens;
    this.metrics = metrics;
    this.corruptReporter = corruptReporter;
    this.dataset = dataset;
    this.options = options;
    this.faults = faults;
    this.buffers = new BufferBudget(options.bufferBudget(), options.bufferWaitMs());
  }

  public FsDataset getDataset() { return dataset; }
  public DataNodeOptions getOptions() { return options; }
  public DataNodeFaultInjector getFaults() { return faults; }
  public DataNodeMetrics getMetrics() { return metrics; }
  public CorruptReplicaReporter getCorruptReporter() { return corruptReporter; }
  /** Checks the block access tokens of requests. */
  public BlockTokens getTokens() { return tokens; }

  /** The packet buffer budget shared by this DataNode's transfers. */
  public BufferBudget getBuffers() { return buffers; }

  /** A buffer for packets to send, of {@code owner} (operation and block), within the budget. */
  HeapPacketBuffer newPacketBuffer(String owner) {
    return new HeapPacketBuffer(buffers, owner);
  }

  /** Connections being served right now (for heartbeats). */
  public int getActiveTransfers() { return activeTransfers.get(); }

  AtomicInteger activeTransfersCounter() { return activeTransfers; }
}
