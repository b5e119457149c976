package io.quire.namenode.health;

import io.quire.namenode.testing.InMemoryJournal;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * A {@link NamesystemFixture} with {@code n} DataNodes played by hand, out of safe mode, and
 * helpers to write a one-block file, let nodes die, collect commands and confirm them.
 */
final class HealthCluster {
  final NamesystemFixture fx;
  final int nodes;
  final List<Integer> deadNodes = new ArrayList<>();

  HealthCluster(int nodes) throws IOException {
    this(nodes, NamesystemFixture.defaultConf());
  }

  HealthCluster(int nodes, Configuration conf) throws IOException {
    conf.setLong("quire.namenode.heartbeat.stale.ms", 5_000);
    conf.setLong("quire.namenode.heartbeat.expire.ms", 20_000);
    this.fx = new NamesystemFixture(conf, new InMemoryJournal());
    this.nodes = nodes;
    for (int i = 0; i < nodes; i++) {
      fx.addDataNode(i);
    }
  }

  static int index(DataNodeInfo d) {
    return Integer.parseInt(d.getUuid().substring(3));
  }

  /** Writes a closed one-block file; every pipeline node reports the replica finalized. */
  LocatedBlock writeFile(String path, short replication) throws IOException {
    var nn = fx.client;
    long id = nn.create(path, (short) 0644, "c", false, true, replication, 1024).getFileId();
    LocatedBlock lb = nn.addBlock(path, id, "c", null, List.of(), null);
    Block b = lb.getBlock().withNumBytes(100);
    for (DataNodeInfo d : lb.getLocations()) {
      fx.finalized(index(d), b);
    }
    if (!nn.complete(path, id, "c", b)) {
      throw new IllegalStateException("complete " + path + " refused");
    }
    return nn.getBlockLocations(path, 0, 100).getBlocks().get(0);
  }

  /** Advances the clock past the expiry with every node but {@code dead} heartbeating. */
  void kill(int dead) throws IOException {
    deadNodes.add(dead);
    fx.clock.addAndGet(21_000);
    heartbeatAll();
    fx.monitor.runOnce();
  }

  /** Heartbeats every live node, returning the commands each received (index-aligned). */
  List<List<DataNodeCommand>> heartbeatAll() throws IOException {
    List<List<DataNodeCommand>> out = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      out.add(deadNodes.contains(i) ? List.of() : fx.heartbeat(i));
    }
    return out;
  }

  /** Commands of {@code type} handed to node {@code i} on its next heartbeat. */
  static List<DataNodeCommand> ofType(List<DataNodeCommand> cmds, DataNodeCommand.Type type) {
    return cmds.stream().filter(c -> c.getType() == type).toList();
  }

  /** Plays a DataNode executing a TRANSFER: every target reports the replica. */
  void completeTransfer(DataNodeCommand transfer) throws IOException {
    for (int k = 0; k < transfer.getBlocks().size(); k++) {
      for (DataNodeInfo t : transfer.getTargets().get(k)) {
        fx.finalized(index(t), transfer.getBlocks().get(k));
      }
    }
  }

  /** Plays a DataNode executing a DELETE: it reports the replicas deleted. */
  void completeDelete(int node, DataNodeCommand delete) throws IOException {
    fx.datanodes.blockReceivedAndDeleted(fx.registration(node), List.<ReportedBlock>of(),
        delete.getBlocks());
  }

  /** A report of {@code b} finalized from node {@code i} (unused state helper). */
  static ReportedBlock finalizedReport(Block b) {
    return new ReportedBlock(b, ReplicaState.FINALIZED);
  }
}
