package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The open-addressing inode-id index against a {@code HashMap} as the model. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InodeMapTest {
  private static InodeFile file(long id) {
    return new InodeFile(id, "f" + id, (short) 0644, "u", "g", 0, (short) 1, 1024);
  }

  @Test
  void putGetRemoveSequentialIds() {
    InodeMap m = new InodeMap();
    List<Inode> all = new ArrayList<>();
    for (long id = 16386; id < 16386 + 10_000; id++) {
      Inode i = file(id);
      all.add(i);
      assertNull(m.put(i));
    }
    assertEquals(10_000, m.size());
    assertTrue(m.capacity() >= 10_000 * 4 / 3, "grows before 3/4 full: " + m.capacity());
    for (Inode i : all) {
      assertSame(i, m.get(i.getId()));
    }
    assertNull(m.get(1));
    assertNull(m.get(16386 + 10_000));
    for (Inode i : all) {
      assertSame(i, m.remove(i.getId()));
      assertNull(m.get(i.getId()));
    }
    assertEquals(0, m.size());
    assertEquals(InodeMap.MIN_CAPACITY, m.capacity(), "shrinks back when emptied");
    assertNull(m.remove(16386));
  }

  @Test
  void putReplacesTheInodeOfTheSameId() {
    InodeMap m = new InodeMap();
    Inode a = file(7);
    Inode b = file(7);
    m.put(a);
    assertSame(a, m.put(b));
    assertSame(b, m.get(7));
    assertEquals(1, m.size());
  }

  /**
   * Random ids (so runs collide and wrap around the table's end) and random removals, checked
   * against a HashMap after every step: a removal's back-shift must keep every other id
   * findable.
   */
  @Test
  void randomOperationsMatchAHashMap() {
    Random r = new Random(42);
    InodeMap m = new InodeMap();
    Map<Long, Inode> model = new HashMap<>();
    List<Long> ids = new ArrayList<>();
    for (int step = 0; step < 200_000; step++) {
      if (model.isEmpty() || r.nextInt(3) > 0) {
        long id = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(50_000);
        Inode i = file(id);
        Inode before = model.put(id, i);
        if (before == null) {
          ids.add(id);
        }
        assertSame(before, m.put(i));
      } else {
        int at = r.nextInt(ids.size());
        Collections.swap(ids, at, ids.size() - 1);
        long id = ids.remove(ids.size() - 1);
        assertSame(model.remove(id), m.remove(id));
      }
      assertEquals(model.size(), m.size());
      if (step % 5_000 == 0) {
        for (Map.Entry<Long, Inode> e : model.entrySet()) {
          assertSame(e.getValue(), m.get(e.getKey()), "id " + e.getKey() + " at step " + step);
        }
      }
    }
    for (Map.Entry<Long, Inode> e : model.entrySet()) {
      assertSame(e.getValue(), m.get(e.getKey()));
    }
  }

  @Test
  void clearEmptiesTheIndex() {
    InodeMap m = new InodeMap();
    for (long id = 0; id < 5000; id++) {
      m.put(file(id));
    }
    m.clear();
    assertEquals(0, m.size());
    assertNull(m.get(10));
  }
}
