package io.quire.namenode.blocks;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.datanodes.DataNodeDescriptor;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.ReplicaState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The replica triplets of blocks and the per-DataNode block lists threaded through them,
 * against a plain model: adding, changing, corrupting and removing replicas on many DataNodes,
 * block stamp and length changes, removal while iterating a DataNode's list.
 */
@Timeout(60)
class DataNodeBlocksTest {
  private static final int NODES = 40;

  /** A replica as the model holds it. */
  private record R(ReplicaState state, long stamp, long length, boolean corrupt) {}

  /** Each DataNode's block list, as the block manager keeps it. */
  private final List<DataNodeBlocks> nodes = new ArrayList<>();

  @BeforeEach
  void registerNodes() throws Exception {
    DataNodeManager dns = new DataNodeManager("c", System::currentTimeMillis, 30_000, 60_000);
    BlockManager bm = new BlockManager(dns, 1);
    for (int i = 0; i < NODES; i++) {
      DataNodeDescriptor d = dns.register(new DataNodeRegistration(
          new DataNodeId("dn-" + i, "127.0.0.1", 9000 + i), "c", "v"));
      nodes.add(bm.blocksOf(d));
      assertSame(nodes.get(i), bm.blocksOf(d), "one list per DataNode");
      assertSame(d, nodes.get(i).getNode());
    }
  }

  @Test
  void randomChangesAgreeWithAModel() {
    Random rnd = new Random(7);
    List<BlockInfo> blocks = new ArrayList<>();
    Map<BlockInfo, Map<DataNodeBlocks, R>> model = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      BlockInfo b = new BlockInfo(i + 1, 1000, 64, BlockState.COMPLETE);
      blocks.add(b);
      model.put(b, new LinkedHashMap<>());
    }
    ReplicaState[] states = ReplicaState.values();
    for (int step = 0; step < 60_000; step++) {
      BlockInfo b = blocks.get(rnd.nextInt(blocks.size()));
      DataNodeBlocks n = nodes.get(rnd.nextInt(rnd.nextBoolean() ? 4 : NODES));
      Map<DataNodeBlocks, R> m = model.get(b);
      BlockLocations loc = BlockLocations.of(b);
      switch (rnd.nextInt(6)) {
        case 0, 1 -> {
          // mostly the block's own stamp and length (a shared replica value)
          long stamp = rnd.nextInt(4) == 0 ? 990 + rnd.nextInt(20) : b.getGenerationStamp();
          long length = rnd.nextInt(4) == 0 ? rnd.nextInt(100) : b.getNumBytes();
          ReplicaState s = states[rnd.nextInt(states.length)];
          R old = m.get(n);
          loc.put(n, s, stamp, length);
          m.put(n, new R(s, stamp, length, old != null && old.corrupt()));
        }
        case 2 -> {
          assertEquals(m.containsKey(n), loc.remove(n));
          m.remove(n);
        }
        case 3 -> {
          R old = m.get(n);
          assertEquals(old != null && !old.corrupt(), loc.markCorrupt(n));
          if (old != null) {
            m.put(n, new R(old.state(), old.stamp(), old.length(), true));
          }
        }
        case 4 -> {
          if (rnd.nextBoolean()) {
            b.setGenerationStamp(990 + rnd.nextInt(20));
          } else {
            b.setNumBytes(rnd.nextInt(100));
          }
        }
        default -> {
          if (rnd.nextInt(20) == 0) {
            loc.clear();
            m.clear();
          }
        }
      }
      if (step % 2000 == 0) {
        assertAgree(model);
      }
    }
    assertAgree(model);
  }

  private void assertAgree(Map<BlockInfo, Map<DataNodeBlocks, R>> model) {
    Map<DataNodeBlocks, Set<BlockInfo>> perNode = new LinkedHashMap<>();
    for (DataNodeBlocks n : nodes) {
      perNode.put(n, new HashSet<>());
    }
    for (Map.Entry<BlockInfo, Map<DataNodeBlocks, R>> e : model.entrySet()) {
      BlockInfo b = e.getKey();
      BlockLocations loc = BlockLocations.of(b);
      List<DataNodeBlocks> order = new ArrayList<>();
      for (Replica r : loc) {
        order.add(r.list());
        R want = e.getValue().get(r.list());
        assertNotNull(want, b + ": unexpected replica on " + r.getNode());
        assertEquals(want, new R(r.getState(), r.getGenerationStamp(b), r.getNumBytes(b),
            r.isCorrupt()), b + " on " + r.getNode());
        perNode.get(r.list()).add(b);
      }
      assertEquals(new ArrayList<>(e.getValue().keySet()), order, b + ": replicas in order");
      assertEquals(order.size(), loc.size());
      assertEquals(!order.isEmpty(), loc.hasReplicas());
      assertEquals(order.isEmpty(), b.triplets == null, "no array without replicas");
    }
    for (DataNodeBlocks n : nodes) {
      Set<BlockInfo> listed = new HashSet<>();
      for (BlockInfo b : n) {
        assertTrue(listed.add(b), n + " lists " + b + " twice");
      }
      assertEquals(perNode.get(n), listed, n.toString());
      assertEquals(listed.size(), n.size());
    }
  }

  @Test
  void aReplicaKeepsItsStampAndLengthWhenTheBlockChanges() {
    BlockInfo b = new BlockInfo(1, 1000, 64, BlockState.UNDER_CONSTRUCTION);
    DataNodeBlocks n = nodes.get(0);
    BlockLocations loc = BlockLocations.of(b);
    loc.put(n, ReplicaState.RBW, 1000, 64);
    Replica shared = loc.find(n);
    assertSame(n.shared(ReplicaState.RBW, false), shared, "the node's shared value");
    b.setNumBytes(128);
    b.setGenerationStamp(1001);
    Replica own = loc.find(n);
    assertEquals(1000, own.getGenerationStamp(b));
    assertEquals(64, own.getNumBytes(b));
    assertNotSame(shared, own);
    b.setGenerationStamp(1000);
    b.setNumBytes(64);
    assertSame(shared, loc.find(n), "matching the block again, shared again");
  }

  @Test
  void replicasOfManyBlocksOnOneNodeShareTheirValue() {
    DataNodeBlocks n = nodes.get(1);
    Set<Replica> values = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      BlockInfo b = new BlockInfo(i + 1, 1000 + i, i, BlockState.COMPLETE);
      BlockLocations.of(b).put(n, ReplicaState.FINALIZED, 1000 + i, i);
      values.add(BlockLocations.of(b).find(n));
    }
    assertEquals(1, values.size());
    assertEquals(1000, n.size());
  }

  @Test
  void removingTheBlockJustReturnedWhileIterating() {
    DataNodeBlocks n = nodes.get(2);
    DataNodeBlocks other = nodes.get(3);
    List<BlockInfo> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      BlockInfo b = new BlockInfo(i + 1, 1000, 1, BlockState.COMPLETE);
      BlockLocations.of(b).put(other, ReplicaState.FINALIZED, 1000, 1);
      BlockLocations.of(b).put(n, ReplicaState.FINALIZED, 1000, 1);
      all.add(b);
    }
    Set<BlockInfo> visited = new HashSet<>();
    int k = 0;
    for (BlockInfo b : n) {
      visited.add(b);
      if (k++ % 2 == 0) {
        assertTrue(BlockLocations.of(b).remove(n));
      }
    }
    assertEquals(new HashSet<>(all), visited, "every block visited once");
    assertEquals(250, n.size());
    assertEquals(500, other.size(), "the other node's list is untouched");
    for (BlockInfo b : n) {
      BlockLocations.of(b).remove(n);
    }
    assertTrue(n.isEmpty());
    assertFalse(n.iterator().hasNext());
  }

  @Test
  void removingAnotherBlockWhileIteratingFails() {
    DataNodeBlocks n = nodes.get(4);
    for (int i = 0; i < 3; i++) {
      BlockInfo b = new BlockInfo(i + 1, 1000, 1, BlockState.COMPLETE);
      BlockLocations.of(b).put(n, ReplicaState.FINALIZED, 1000, 1);
    }
    var it = n.iterator();
    BlockInfo first = it.next();
    BlockInfo second = (BlockInfo) first.triplets[2]; // next in the list
    assertNotNull(second);
    BlockLocations.of(second).remove(n);
    assertThrows(java.util.ConcurrentModificationException.class, it::next);
  }

  @Test
  void theArrayFitsTheReplicationAndShrinksBack() {
    BlockInfo b = new BlockInfo(1, 1000, 1, BlockState.COMPLETE);
    for (int i = 0; i < 5; i++) {
      BlockLocations.of(b).put(nodes.get(i), ReplicaState.FINALIZED, 1000, 1);
      assertEquals(3 * (i + 1), b.triplets.length, "no file: grown one replica at a time");
    }
    for (int i = 0; i < 4; i++) {
      BlockLocations.of(b).remove(nodes.get(i));
    }
    assertEquals(3, b.triplets.length);
    assertEquals(nodes.get(4), BlockLocations.of(b).get(0).list());
    BlockLocations.of(b).remove(nodes.get(4));
    assertNull(b.triplets);
  }
}
