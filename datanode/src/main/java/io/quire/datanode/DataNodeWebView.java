package io.quire.datanode;

import io.quire.datanode.http.DataNodeView;
import io.quire.datanode.scanner.BlockScanner;
import io.quire.datanode.storage.FsDataset;
import org.apache.hadoop.service.Service;

/** A DataNode as its web page sees it ({@link DataNodeView}), read per request. */
final class DataNodeWebView implements DataNodeView {
  private final DataNode dn;

  DataNodeWebView(DataNode dn) {
    this.dn = dn;
  }

  @Override public String uuid() {
    return dn.getDataNodeUuid();
  }

  @Override public String dataAddressOrNull() {
    // the web UI is up before the data port is bound
    return dn.isInState(Service.STATE.STARTED) ? dn.getDataNodeId().getDataAddress() : null;
  }

  @Override public FsDataset dataset() {
    return dn.getFsDataset();
  }

  @Override public BlockScanner blockScanner() {
    return dn.getBlockScanner();
  }

  @Override public int activeTransfers() {
    return dn.getActiveTransfers();
  }

  @Override public int maxTransferThreads() {
    return dn.getOptions().transferThreads();
  }

  @Override public long transferBufferBytesInUse() {
    return dn.getTransferBuffers().getReservedBytes();
  }

  @Override public long transferBufferBudget() {
    return dn.getTransferBuffers().getCapacity();
  }
}
