package io.quire.minicluster;

import io.quire.namenode.NameNode;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * One NameNode position in a {@link MiniQuireCluster}: its id (in a nameservice), ports and
 * storage survive stop and restart. It runs in this JVM ({@link #nameNode}) or, for tests that
 * kill or freeze it, in a process of its own ({@link #forked}).
 */
final class NameNodeSlot {
  final int index;
  /** NameNode id in the nameservice; null for a single NameNode. */
  final String id;
  final File nameDir;
  int rpcPort;
  /** HTTP port: fixed in a nameservice and for a forked NameNode, else the bound one. */
  int httpPort;
  NameNode nameNode;
  ForkedDaemon forked;

  NameNodeSlot(int index, String id, File nameDir) {
    this.index = index;
    this.id = id;
    this.nameDir = nameDir;
  }

  boolean isRunning() {
    return nameNode != null || (forked != null && forked.isAlive());
  }

  /** Writes {@code conf} where a forked NameNode of this slot reads it. */
  File writeConf(Configuration conf) throws IOException {
    File f = new File(nameDir.getParentFile(), (id == null ? "nn" : id) + "-site.xml");
    try (OutputStream out = new FileOutputStream(f)) {
      conf.writeXml(out);
    }
    return f;
  }

  File log() {
    return new File(nameDir.getParentFile(), (id == null ? "nn" : id) + ".log");
  }
}
