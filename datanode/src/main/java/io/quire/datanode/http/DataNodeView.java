package io.quire.datanode.http;

import io.quire.datanode.scanner.BlockScanner;
import io.quire.datanode.storage.FsDataset;

/**
 * What the DataNode page shows of a DataNode, read per request (the DataNode implements it;
 * the page does not see the service itself, so this package depends on no part of it).
 */
public interface DataNodeView {
  String uuid();

  /** The data-transfer address, or null while the data port is not bound yet. */
  String dataAddressOrNull();

  FsDataset dataset();

  BlockScanner blockScanner();

  int activeTransfers();

  int maxTransferThreads();

  long transferBufferBytesInUse();

  long transferBufferBudget();
}
