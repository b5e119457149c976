package io.quire.minicluster;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The DataNodes of a {@link MiniQuireCluster}, by index: their slots (storage and ports kept
 * across restarts), start in this JVM or forked, stop, kill, pause. Not thread-safe: the
 * cluster calls it under its lock.
 */
final class DataNodeHandles {
  private final Configuration conf;
  private final File baseDir;
  private final boolean fork;
  private final List<DataNodeSlot> slots = new ArrayList<>();

  DataNodeHandles(Configuration conf, File baseDir, boolean fork) {
    this.conf = conf;
    this.baseDir = baseDir;
    this.fork = fork;
  }

  /** Adds and starts a new DataNode; returns its index. */
  int add() {
    int index = slots.size();
    slots.add(new DataNodeSlot(index, new File(baseDir, "data/dn" + index)));
    start(index);
    return index;
  }

  /** Starts a stopped DataNode on its old storage and port. */
  void start(int index) {
    DataNodeSlot slot = slots.get(index);
    if (slot.isRunning()) {
      throw new IllegalStateException("DataNode " + index + " already running");
    }
    Configuration dnConf = new Configuration(conf);
    dnConf.set(DataNodeConfigKeys.DATA_DIR_KEY, slot.dataDir.getAbsolutePath());
    if (fork) {
      try {
        if (slot.port == 0) {
          slot.port = FreePorts.freePort();
        }
        dnConf.set(DataNodeConfigKeys.ADDRESS_KEY, "127.0.0.1:" + slot.port);
        if (slot.httpPort == 0) {
          slot.httpPort = FreePorts.freePort();
        }
        dnConf.set(DataNodeConfigKeys.HTTP_ADDRESS_KEY, "127.0.0.1:" + slot.httpPort);
        slot.forked = ForkedDaemon.startDataNode(slot.writeConf(dnConf), slot.log());
        slot.uuid = slot.forked.readyLine().split(" ")[2];
      } catch (Exception e) {
        throw new IllegalStateException("start forked DataNode " + index + ": " + e, e);
      }
      return;
    }
    dnConf.set(DataNodeConfigKeys.ADDRESS_KEY, "127.0.0.1:" + slot.port);
    dnConf.set(DataNodeConfigKeys.HTTP_ADDRESS_KEY, "127.0.0.1:0");
    DataNode dn = new DataNode();
    dn.init(dnConf);
    dn.start();
    slot.dataNode = dn;
    slot.port = dn.getDataAddress().getPort();
    slot.httpPort = dn.getHttpAddress().getPort();
  }

  /** Stops a DataNode: an in-process one cleanly, a forked one with SIGTERM or SIGKILL. */
  void stop(int index, boolean gently) {
    DataNodeSlot slot = slots.get(index);
    if (slot.dataNode != null) {
      slot.dataNode.stop();
      slot.dataNode = null;
    }
    if (slot.forked != null) {
      slot.forked.stop(gently);
      slot.forked = null;
    }
  }

  void kill(int index) throws InterruptedException {
    forkedDaemon(index).kill();
    slots.get(index).forked = null;
  }

  /** The process of forked DataNode {@code index}; IllegalStateException when there is none. */
  ForkedDaemon forkedDaemon(int index) {
    ForkedDaemon f = slots.get(index).forked;
    if (f == null) {
      throw new IllegalStateException("DataNode " + index + " is not a running forked DataNode"
          + " (build the cluster with forkDataNodes(true))");
    }
    return f;
  }

  boolean isRunning(int index) {
    return slots.get(index).isRunning();
  }

  long running() {
    return slots.stream().filter(DataNodeSlot::isRunning).count();
  }

  DataNode dataNode(int index) {
    return slots.get(index).dataNode;
  }

  int size() {
    return slots.size();
  }

  /** The bound HTTP address while it runs, else the one of its last run. */
  InetSocketAddress httpAddress(int index) {
    return new InetSocketAddress("127.0.0.1", slots.get(index).httpPort);
  }

  /** Index of the running DataNode with this UUID, or -1. */
  int indexOf(String uuid) {
    for (DataNodeSlot s : slots) {
      if (s.isRunning() && uuid.equals(s.uuid())) {
        return s.index;
      }
    }
    return -1;
  }

  /** Stops every DataNode, forked ones with SIGKILL; storage stays. */
  void stopAll() {
    for (int i = 0; i < slots.size(); i++) {
      stop(i, false);
    }
  }
}
