package io.quire.minicluster;

import io.quire.datanode.DataNode;
import java.io.File;

/** One DataNode position in a {@link MiniQuireCluster}: its storage survives stop and restart. */
final class DataNodeSlot {
  final int index;
  final File dataDir;
  /** Data-transfer port of the last run, reused on restart so replica locations stay valid. */
  int port;
  DataNode dataNode;

  DataNodeSlot(int index, File dataDir) {
    this.index = index;
    this.dataDir = dataDir;
  }

  boolean isRunning() {
    return dataNode != null;
  }
}
