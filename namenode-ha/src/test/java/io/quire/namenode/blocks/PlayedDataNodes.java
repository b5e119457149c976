package io.quire.namenode.blocks;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DataNodes played by hand in front of an active NameNode: each keeps the replicas it holds,
 * tells the active at once, obeys its DELETE and TRANSFER commands, and records every message
 * it sent (with the active's last txid at that moment) so a standby can hear the same messages
 * later, in another order.
 */
final class PlayedDataNodes {
  /** One message of one DataNode to the NameNodes. */
  sealed interface Message {
    int node();

    /** The block the message is about, or null for a full report. */
    Block block();

    /** Sends it to {@code fx}; returns the commands of a full report's answer. */
    List<DataNodeCommand> sendTo(NamesystemFixture fx) throws IOException;
  }

  record Received(int node, Block block, ReplicaState state) implements Message {
    public List<DataNodeCommand> sendTo(NamesystemFixture fx) throws IOException {
      fx.datanodes.blockReceivedAndDeleted(fx.registration(node),
          List.of(new ReportedBlock(block, state)), List.of());
      return List.of();
    }
  }

  record Deleted(int node, Block block) implements Message {
    public List<DataNodeCommand> sendTo(NamesystemFixture fx) throws IOException {
      fx.datanodes.blockReceivedAndDeleted(fx.registration(node), List.of(), List.of(block));
      return List.of();
    }
  }

  record BadBlock(int node, Block block) implements Message {
    public List<DataNodeCommand> sendTo(NamesystemFixture fx) throws IOException {
      fx.datanodes.reportBadBlocks(fx.registration(node), List.of(block));
      return List.of();
    }
  }

  record FullReport(int node, List<ReportedBlock> replicas) implements Message {
    public Block block() { return null; }

    public List<DataNodeCommand> sendTo(NamesystemFixture fx) throws IOException {
      return fx.datanodes.blockReport(fx.registration(node), replicas).commands();
    }
  }

  /** A message and the active's last txid when it was sent. */
  record Sent(Message message, long activeTxId) {}

  private final NamesystemFixture active;
  private final List<Map<Long, ReportedBlock>> held = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();

  PlayedDataNodes(NamesystemFixture active, int nodes) {
    this.active = active;
    for (int i = 0; i < nodes; i++) {
      held.add(new TreeMap<>());
    }
  }

  List<Sent> sent() { return sent; }

  int count() { return held.size(); }

  /** Node {@code i} holds {@code b} in state {@code s} now (and says so). */
  void received(int i, Block b, ReplicaState s) throws IOException {
    held.get(i).put(b.getBlockId(), new ReportedBlock(b, s));
    send(new Received(i, b, s));
  }

  /** Each node of {@code nodes} holds {@code b} in state {@code s}. */
  void received(List<DataNodeInfo> nodes, Block b, ReplicaState s) throws IOException {
    for (DataNodeInfo d : nodes) {
      received(index(d), b, s);
    }
  }

  /** Length of node {@code i}'s replica of block {@code blockId}. */
  long heldLength(int i, long blockId) {
    return held.get(i).get(blockId).getBlock().getNumBytes();
  }

  /** Node {@code i} found its replica of {@code b} corrupt (its scanner). */
  void badBlock(int i, Block b) throws IOException {
    send(new BadBlock(i, b));
  }

  /** Node {@code i} sends a full report of what it holds, and obeys the answer. */
  void fullReport(int i) throws IOException {
    obey(i, send(new FullReport(i, new ArrayList<>(held.get(i).values()))));
  }

  /**
   * Heartbeats every node and carries out DELETE and TRANSFER commands until none is left;
   * returns the RECOVER commands handed out meanwhile, by node.
   */
  Map<Integer, List<DataNodeCommand>> heartbeats() throws IOException {
    Map<Integer, List<DataNodeCommand>> recover = new HashMap<>();
    for (int round = 0; round < 10; round++) {
      boolean any = false;
      for (int i = 0; i < held.size(); i++) {
        List<DataNodeCommand> cmds = active.heartbeat(i);
        any |= !cmds.isEmpty();
        for (DataNodeCommand c : cmds) {
          if (c.getType() == DataNodeCommand.Type.RECOVER) {
            recover.computeIfAbsent(i, k -> new ArrayList<>()).add(c);
          }
        }
        obey(i, cmds);
      }
      if (!any) {
        return recover;
      }
    }
    throw new AssertionError("commands keep coming after 10 heartbeat rounds");
  }

  private void obey(int i, List<DataNodeCommand> cmds) throws IOException {
    for (DataNodeCommand c : cmds) {
      switch (c.getType()) {
        case DELETE -> {
          for (Block b : c.getBlocks()) {
            if (held.get(i).remove(b.getBlockId()) != null) {
              send(new Deleted(i, b));
            }
          }
        }
        case TRANSFER -> {
          for (int k = 0; k < c.getBlocks().size(); k++) {
            received(c.getTargets().get(k), c.getBlocks().get(k), ReplicaState.FINALIZED);
          }
        }
        default -> { } // RECOVER: the test plays the primary
      }
    }
  }

  private List<DataNodeCommand> send(Message m) throws IOException {
    List<DataNodeCommand> answer = m.sendTo(active);
    sent.add(new Sent(m, active.journal.getLastTxId()));
    return answer;
  }

  static int index(DataNodeInfo d) {
    return Integer.parseInt(d.getUuid().substring(3));
  }
}
