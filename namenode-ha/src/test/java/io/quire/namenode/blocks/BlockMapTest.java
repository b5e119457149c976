package io.quire.namenode.blocks;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The primitive-keyed block map: against a HashMap, chains, growth, iteration. */
@Timeout(60)
class BlockMapTest {
  private static BlockInfo block(long id) {
    return new BlockInfo(id, 1000, 0, BlockState.COMPLETE);
  }

  @Test
  void addGetRemoveAndRemovedIds() {
    BlockMap map = new BlockMap();
    BlockInfo a = block(5);
    map.add(a);
    assertSame(a, map.get(5));
    assertNull(map.get(4));
    assertTrue(map.isRemoved(4), "below the highest id, not here");
    assertFalse(map.isRemoved(6), "above the highest id: not applied yet");
    assertFalse(map.isRemoved(5));
    assertSame(a, map.remove(5));
    assertNull(map.remove(5));
    assertTrue(map.isRemoved(5));
    assertEquals(0, map.size());
  }

  @Test
  void addingAnIdAgainReplacesTheBlock() {
    BlockMap map = new BlockMap();
    map.add(block(7));
    BlockInfo again = block(7);
    map.add(again);
    assertEquals(1, map.size());
    assertSame(again, map.get(7));
    assertEquals(List.of(again), new ArrayList<>(map.all()));
  }

  @Test
  void collidingIdsShareAChainAndLeaveItInAnyOrder() {
    // Long.hashCode folds the high half onto the low one: these five ids share a slot.
    long[] ids = {1, 1L << 32, (2L << 32) | 3, (4L << 32) | 5, (6L << 32) | 7};
    for (int[] order : new int[][] {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}}) {
      BlockMap map = new BlockMap();
      for (long id : ids) {
        map.add(block(id));
      }
      for (int k = 0; k < order.length; k++) {
        long gone = ids[order[k]];
        assertEquals(gone, map.remove(gone).getBlockId());
        assertNull(map.get(gone));
        for (int j = k + 1; j < order.length; j++) {
          assertEquals(ids[order[j]], map.get(ids[order[j]]).getBlockId());
        }
        assertEquals(order.length - k - 1, map.size());
      }
    }
  }

  @Test
  void randomOperationsAgreeWithAHashMapThroughGrowth() {
    Random rnd = new Random(42);
    BlockMap map = new BlockMap();
    Map<Long, BlockInfo> model = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      long id = rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt(60_000);
      switch (rnd.nextInt(3)) {
        case 0, 1 -> {
          BlockInfo b = block(id);
          map.add(b);
          model.put(id, b);
        }
        default -> assertSame(model.remove(id), map.remove(id));
      }
      if (step % 20_000 == 0) {
        assertAgree(model, map);
      }
    }
    assertAgree(model, map);
    assertTrue(map.capacity() >= map.size(), "at most one block a slot on average");
    map.clear();
    assertEquals(0, map.size());
    assertFalse(map.all().iterator().hasNext());
    for (BlockInfo b : model.values()) {
      assertNull(b.mapNext, "clear unlinks every chain");
    }
  }

  private static void assertAgree(Map<Long, BlockInfo> model, BlockMap map) {
    assertEquals(model.size(), map.size());
    for (Map.Entry<Long, BlockInfo> e : model.entrySet()) {
      assertSame(e.getValue(), map.get(e.getKey()));
    }
    Set<BlockInfo> seen = new HashSet<>();
    for (BlockInfo b : map.all()) {
      assertTrue(seen.add(b), "each block once");
      assertSame(model.get(b.getBlockId()), b);
    }
    assertEquals(model.size(), seen.size());
  }

  @Test
  void changingTheMapWhileIteratingFails() {
    BlockMap map = new BlockMap();
    for (long id = 1; id <= 10; id++) {
      map.add(block(id));
    }
    Iterator<BlockInfo> it = map.all().iterator();
    it.next();
    map.remove(3);
    assertThrows(ConcurrentModificationException.class, it::next);
    assertThrows(UnsupportedOperationException.class, () -> map.all().add(block(99)));
  }
}
