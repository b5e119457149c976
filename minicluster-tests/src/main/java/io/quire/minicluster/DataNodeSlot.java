package io.quire.minicluster;

import io.quire.datanode.DataNode;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * One DataNode position in a {@link MiniQuireCluster}: its storage and port survive stop and
 * restart. It runs in this JVM ({@link #dataNode}) or in a process of its own ({@link #forked}).
 */
final class DataNodeSlot {
  final int index;
  final File dataDir;
  /** Data-transfer port of the last run, reused on restart so replica locations stay valid. */
  int port;
  /** HTTP port of the last run (0 before the first), reused on restart. */
  int httpPort;
  DataNode dataNode;
  ForkedDaemon forked;
  /** UUID a forked DataNode printed when ready. */
  String uuid;

  DataNodeSlot(int index, File dataDir) {
    this.index = index;
    this.dataDir = dataDir;
  }

  boolean isRunning() {
    return dataNode != null || (forked != null && forked.isAlive());
  }

  /** UUID of the DataNode (in-process or forked), or null before it first started. */
  String uuid() {
    return dataNode != null ? dataNode.getDataNodeUuid() : uuid;
  }

  /** Writes {@code conf} where a forked DataNode of this slot reads it. */
  File writeConf(Configuration conf) throws IOException {
    File f = new File(dataDir.getParentFile(), "dn" + index + "-site.xml");
    f.getParentFile().mkdirs();
    try (OutputStream out = new FileOutputStream(f)) {
      conf.writeXml(out);
    }
    return f;
  }

  File log() {
    return new File(dataDir.getParentFile(), "dn" + index + ".log");
  }
}
