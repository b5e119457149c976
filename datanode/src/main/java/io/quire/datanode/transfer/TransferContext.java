package io.quire.datanode.transfer;

import io.quire.datanode.DataNodeFaultInjector;
import io.quire.datanode.DataNodeOptions;
import io.quire.datanode.metrics.DataNodeMetrics;
import io.quire.datanode.scanner.CorruptReplicaReporter;
import io.quire.datanode.storage.FsDataset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the data-transfer code needs of its DataNode: dataset, options, fault points, metrics
 * and the reporter of corrupt local replicas.
 */
public final class TransferContext {
  private final FsDataset dataset;
  private final DataNodeOptions options;
  private final DataNodeFaultInjector faults;
  private final DataNodeMetrics metrics;
  private final CorruptReplicaReporter corruptReporter;
  private final AtomicInteger activeTransfers = new AtomicInteger();

  public TransferContext(FsDataset dataset, DataNodeOptions options,
      DataNodeFaultInjector faults, DataNodeMetrics metrics,
      CorruptReplicaReporter corruptReporter) {
    this.metrics = metrics;
    this.corruptReporter = corruptReporter;
    this.dataset = dataset;
    this.options = options;
    this.faults = faults;
  }

  public FsDataset getDataset() { return dataset; }
  public DataNodeOptions getOptions() { return options; }
  public DataNodeFaultInjector getFaults() { return faults; }
  public DataNodeMetrics getMetrics() { return metrics; }
  public CorruptReplicaReporter getCorruptReporter() { return corruptReporter; }

  /** Connections being served right now (for heartbeats). */
  public int getActiveTransfers() { return activeTransfers.get(); }

  AtomicInteger activeTransfersCounter() { return activeTransfers; }
}
