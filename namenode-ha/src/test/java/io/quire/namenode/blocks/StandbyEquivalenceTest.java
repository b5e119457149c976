package io.quire.namenode.blocks;

import static io.quire.namenode.blocks.PlayedDataNodes.index;
import static io.quire.protocol.types.ReplicaState.FINALIZED;
import static io.quire.protocol.types.ReplicaState.RBW;
import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.blocks.PlayedDataNodes.Sent;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.namenode.testing.StandbyPair;
import io.quire.namenode.testing.StateDump;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An active NameNode goes through creates, addBlock, complete, append with a pipeline update,
 * a pipeline losing a node, truncate (in place and copied for a snapshot) and lease recovery
 * (block recovery), a delete, a corrupt
 * replica and its repair, with DataNodes reporting all along (incremental reports only: full
 * reports come hours apart and would hide what a standby got wrong). A standby applies the
 * same journal in batches and hears the same DataNode messages in another order: before the
 * records that create their blocks, with stamps newer than the ones it has applied, after
 * everything. Once it has applied the whole journal and processed its queue, its journaled
 * state is the active's exactly, and so are the current replicas (stamp of the block): a
 * replica left behind with an older stamp may be known to one and not the other until the
 * node's next full report, after which every replica agrees.
 */
class StandbyEquivalenceTest {
  private static final int NODES = 3;

  /** How the standby's messages interleave with the records it applies. */
  private enum Order { MESSAGES_FIRST, RECORDS_FIRST, LAGGING }

  /** What the standby saw when messages arrived. */
  private static final class Seen {
    int beforeTheirBlock;
    int newerStamp;
  }

  @Test
  void everyMessageBeforeAnyRecord() throws IOException {
    Seen seen = run(Order.MESSAGES_FIRST, new Random(1), false);
    assertTrue(seen.beforeTheirBlock > 20,
        "messages before their blocks: " + seen.beforeTheirBlock);
  }

  @Test
  void everyMessageAfterTheRecords() throws IOException {
    run(Order.RECORDS_FIRST, new Random(2), false);
  }

  @Test
  void messagesInterleavedWithALaggingTailer() throws IOException {
    Seen total = new Seen();
    for (int seed = 0; seed < 12; seed++) {
      Seen s = run(Order.LAGGING, new Random(seed), false);
      total.beforeTheirBlock += s.beforeTheirBlock;
      total.newerStamp += s.newerStamp;
    }
    assertTrue(total.beforeTheirBlock > 0, "no message arrived before its block's record");
    assertTrue(total.newerStamp > 0, "no message arrived with a stamp newer than the block's");
  }

  @Test
  void afterFullReportsEveryReplicaAgrees() throws IOException {
    for (int seed = 0; seed < 4; seed++) {
      run(Order.LAGGING, new Random(100 + seed), true);
    }
    run(Order.MESSAGES_FIRST, new Random(7), true);
  }

  /**
   * @param fullReports whether every DataNode ends with full reports (then every replica,
   *     stale ones too, must agree; else the current ones)
   */
  private static Seen run(Order order, Random rnd, boolean fullReports) throws IOException {
    StandbyPair p = new StandbyPair(NODES);
    PlayedDataNodes dns = writeThroughTheActive(p.active, fullReports);
    Seen seen = replayOnTheStandby(p, dns.sent(), order, rnd);

    String state = p.active.ns.read(() -> StateDump.journaled(p.active.ns.getState()));
    assertEquals(state, p.standby.ns.read(() -> StateDump.journaled(p.standby.ns.getState())),
        order + ": journaled state");
    assertEquals(locations(p.active, !fullReports), locations(p.standby, !fullReports),
        order + ": replica locations");
    assertEquals(0, p.queued(), order + ": nothing left queued");
    for (int i = 0; i < NODES; i++) {
      assertEquals(List.of(), p.standby.heartbeat(i), "a standby sends no command");
    }
    return seen;
  }

  /** The scenario, on the active; returns its DataNodes with every message they sent. */
  private static PlayedDataNodes writeThroughTheActive(NamesystemFixture fx,
      boolean fullReports) throws IOException {
    ClientProtocol nn = fx.client;
    PlayedDataNodes dns = new PlayedDataNodes(fx, NODES);

    // Two blocks, closed.
    long a = nn.create("/a", (short) 0644, "w", false, true, (short) 2, 1024).getFileId();
    LocatedBlock a1 = nn.addBlock("/a", a, "w", null, List.of(), null);
    dns.received(a1.getLocations(), a1.getBlock(), RBW);
    Block a1Done = a1.getBlock().withNumBytes(1024);
    dns.received(a1.getLocations(), a1Done, FINALIZED);
    LocatedBlock a2 = nn.addBlock("/a", a, "w", a1Done, List.of(), null);
    dns.received(a2.getLocations(), a2.getBlock(), RBW);
    Block a2Done = a2.getBlock().withNumBytes(500);
    dns.received(a2.getLocations(), a2Done, FINALIZED);
    assertTrue(nn.complete("/a", a, "w", a2Done));

    // Append: the partial last block continues under a new stamp, hflushed, closed.
    LocatedBlock last = nn.append("/a", "ap");
    Block reopened = nn.updateBlockForPipeline(last.getBlock(), "ap").getBlock()
        .withNumBytes(500);
    dns.received(last.getLocations(), reopened, RBW);
    nn.updatePipeline("ap", last.getBlock(), reopened, last.getLocations());
    nn.fsync("/a", a, "ap", 700);
    Block appended = reopened.withNumBytes(800);
    dns.received(last.getLocations(), appended, FINALIZED);
    assertTrue(nn.complete("/a", a, "ap", appended));

    // A pipeline of three loses its last node; that node keeps a stale replica.
    long pf = nn.create("/p", (short) 0644, "w", false, true, (short) 3, 1024).getFileId();
    LocatedBlock p1 = nn.addBlock("/p", pf, "w", null, List.of(), null);
    assertEquals(3, p1.getLocations().size());
    dns.received(p1.getLocations(), p1.getBlock().withNumBytes(100), RBW);
    List<DataNodeInfo> survivors = p1.getLocations().subList(0, 2);
    Block recovered = nn.updateBlockForPipeline(p1.getBlock(), "w").getBlock()
        .withNumBytes(300);
    dns.received(survivors, recovered, RBW);
    nn.updatePipeline("w", p1.getBlock(), recovered, survivors);
    Block pDone = recovered.withNumBytes(700);
    dns.received(survivors, pDone, FINALIZED);
    assertTrue(nn.complete("/p", pf, "w", pDone));
    dns.heartbeats();

    // Truncate inside a block: block recovery to the new length closes the file.
    long t = nn.create("/t", (short) 0644, "w", false, true, (short) 2, 1024).getFileId();
    LocatedBlock t1 = nn.addBlock("/t", t, "w", null, List.of(), null);
    dns.received(t1.getLocations(), t1.getBlock(), RBW);
    Block tDone = t1.getBlock().withNumBytes(1000);
    dns.received(t1.getLocations(), tDone, FINALIZED);
    assertTrue(nn.complete("/t", t, "w", tDone));
    assertFalse(nn.truncate("/t", 400, "truncator"));
    playRecoveries(fx, dns, dns.heartbeats());

    // Copy on truncate: a snapshot holds the block, the file gets a new block made by the
    // DataNodes from the old replicas' prefix; deleting the snapshot then frees the old block.
    nn.mkdirs("/snap", (short) 0755, true);
    nn.allowSnapshot("/snap");
    long c = nn.create("/snap/c", (short) 0644, "w", false, true, (short) 2, 1024).getFileId();
    LocatedBlock c1 = nn.addBlock("/snap/c", c, "w", null, List.of(), null);
    dns.received(c1.getLocations(), c1.getBlock(), RBW);
    Block cDone = c1.getBlock().withNumBytes(1000);
    dns.received(c1.getLocations(), cDone, FINALIZED);
    assertTrue(nn.complete("/snap/c", c, "w", cDone));
    nn.createSnapshot("/snap", "s1");
    assertFalse(nn.truncate("/snap/c", 300, "truncator"));
    playRecoveries(fx, dns, dns.heartbeats());
    assertTrue(nn.isFileClosed("/snap/c"));
    assertNotEquals(cDone.getBlockId(),
        nn.getBlockLocations("/snap/c", 0, 1).getBlocks().get(0).getBlock().getBlockId());
    nn.deleteSnapshot("/snap", "s1");
    dns.heartbeats();

    // A writer vanishes: lease recovery after the hard limit.
    long l = nn.create("/lost", (short) 0644, "gone", false, true, (short) 2, 1024).getFileId();
    LocatedBlock l1 = nn.addBlock("/lost", l, "gone", null, List.of(), null);
    dns.received(index(l1.getLocations().get(0)), l1.getBlock().withNumBytes(300), RBW);
    dns.received(index(l1.getLocations().get(1)), l1.getBlock().withNumBytes(301), RBW);
    fx.clock.addAndGet(6000);
    dns.heartbeats();
    fx.monitor.runOnce();
    playRecoveries(fx, dns, dns.heartbeats());
    assertTrue(nn.isFileClosed("/lost"));

    // A closed file deleted: its replicas are deleted.
    long d = nn.create("/d", (short) 0644, "w", false, true, (short) 2, 1024).getFileId();
    LocatedBlock d1 = nn.addBlock("/d", d, "w", null, List.of(), null);
    Block dDone = d1.getBlock().withNumBytes(10);
    dns.received(d1.getLocations(), dDone, FINALIZED);
    assertTrue(nn.complete("/d", d, "w", dDone));
    assertTrue(nn.delete("/d", false));
    dns.heartbeats();

    // A scanner finds a replica corrupt: it is deleted and copied again.
    LocatedBlock first = nn.getBlockLocations("/a", 0, 1).getBlocks().get(0);
    dns.badBlock(index(first.getLocations().get(0)), first.getBlock());
    for (int i = 0; i < 2; i++) {
      fx.monitor.runOnce();
      dns.heartbeats();
    }

    assertTrue(fx.ns.getReplication().getScheduledWorkCount() >= 2, "transfers and deletes");

    // Full reports (stale replicas go), and the monitor repairs what is short.
    for (int round = 0; fullReports && round < 2; round++) {
      for (int i = 0; i < NODES; i++) {
        dns.fullReport(i);
      }
      fx.monitor.runOnce();
      dns.heartbeats();
    }
    return dns;
  }

  /** Plays the primary of each RECOVER command: replicas synced, then the sync committed. */
  private static void playRecoveries(NamesystemFixture fx, PlayedDataNodes dns,
      Map<Integer, List<DataNodeCommand>> recover) throws IOException {
    assertFalse(recover.isEmpty(), "a RECOVER command was handed out");
    for (List<DataNodeCommand> cmds : recover.values()) {
      for (DataNodeCommand c : cmds) {
        Block blk = c.getBlocks().get(0);
        List<DataNodeInfo> targets = c.getTargets().get(0);
        long length = blk.getNumBytes();
        if (length == Long.MAX_VALUE) {
          for (DataNodeInfo n : targets) {
            length = Math.min(length, dns.heldLength(index(n), blk.getBlockId()));
          }
        }
        long recoveryId = c.getNewGenerationStamp();
        // a copy on truncate makes a replica of the new block; the old replicas stay
        long madeId = c.getNewBlockId() != 0 ? c.getNewBlockId() : blk.getBlockId();
        Block made = new Block(madeId, recoveryId, length);
        dns.received(targets, made, FINALIZED);
        List<DataNodeId> ids = new ArrayList<>();
        for (DataNodeInfo n : targets) {
          ids.add(fx.registration(index(n)).getId());
        }
        fx.datanodes.commitBlockSynchronization(c.getNewBlockId() != 0 ? made : blk, recoveryId,
            length, true, false, ids);
      }
    }
  }

  /**
   * The standby tails the active's journal in batches of 1 to 3 records, processing its queue
   * after each, and hears every message in {@code order}; a DataNode's own messages keep their
   * order, as over its one connection.
   */
  private static Seen replayOnTheStandby(StandbyPair p, List<Sent> sent, Order order,
      Random rnd) throws IOException {
    long end = p.activeTxId();
    long[] at = new long[sent.size()];
    long[] lastOfNode = new long[NODES];
    for (int i = 0; i < sent.size(); i++) {
      Sent s = sent.get(i);
      long when = switch (order) {
        case MESSAGES_FIRST -> 0;
        case RECORDS_FIRST -> end;
        case LAGGING -> Math.max(0, Math.min(end, s.activeTxId() - 8 + rnd.nextInt(12)));
      };
      int node = s.message().node();
      at[i] = Math.max(when, lastOfNode[node]);
      lastOfNode[node] = at[i];
    }
    List<Integer> delivery = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      delivery.add(i);
    }
    delivery.sort(Comparator.<Integer>comparingLong(i -> at[i]).thenComparingInt(i -> i));

    Seen seen = new Seen();
    long applied = 0;
    BlockMap map = p.standby.ns.getBlockManager().getBlockMap();
    for (int i : delivery) {
      while (applied < at[i]) {
        applied = Math.min(at[i], applied + 1 + rnd.nextInt(3));
        p.tailTo(applied);
      }
      Block b = sent.get(i).message().block();
      if (b != null) {
        BlockInfo known = p.standby.ns.read(() -> map.get(b.getBlockId()));
        if (known == null && !map.isRemoved(b.getBlockId())) {
          seen.beforeTheirBlock++;
        } else if (known != null && b.getGenerationStamp() > known.getGenerationStamp()) {
          seen.newerStamp++;
        }
      }
      assertEquals(List.of(), sent.get(i).message().sendTo(p.standby),
          "a standby answers no report with a command");
    }
    p.tail();
    return seen;
  }

  /**
   * Every block's replicas (node, state, stamp, length, corrupt) and every node's blocks; with
   * {@code currentOnly} the replicas with the block's stamp only.
   */
  private static String locations(NamesystemFixture fx, boolean currentOnly)
      throws IOException {
    return fx.ns.read(() -> {
      StringBuilder sb = new StringBuilder();
      Map<Long, BlockInfo> byId = new TreeMap<>();
      for (BlockInfo b : fx.ns.getBlockManager().getBlockMap().all()) {
        byId.put(b.getBlockId(), b);
      }
      for (BlockInfo b : byId.values()) {
        List<String> replicas = new ArrayList<>();
        for (Replica r : BlockLocations.of(b)) {
          if (!currentOnly || r.getGenerationStamp(b) == b.getGenerationStamp()) {
            replicas.add(r.describe(b) + ":" + r.getNumBytes(b) + "B");
          }
        }
        replicas.sort(null);
        sb.append(b.getBlockId()).append(' ').append(replicas).append('\n');
      }
      for (int i = 0; i < NODES; i++) {
        DataNodeBlocks d = fx.ns.getBlockManager().blocksOf(
            fx.ns.getDataNodeManager().get("dn-" + i));
        List<Long> ids = new ArrayList<>();
        for (BlockInfo b : d) {
          Replica r = BlockLocations.of(b).find(d);
          if (!currentOnly || (r != null && r.getGenerationStamp(b) == b.getGenerationStamp())) {
            ids.add(b.getBlockId());
          }
        }
        ids.sort(null);
        sb.append("dn-").append(i).append(' ').append(ids).append('\n');
      }
      return sb.toString();
    });
  }
}
