package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A directory's children as a sorted array: insert, remove, lookup, order (byte-wise UTF-8,
 * as HDFS) and pages after a name, against a TreeMap ordered the same way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InodeDirectoryChildrenTest {
  private long nextId = 16386;

  private InodeDirectory dir() {
    return new InodeDirectory(nextId++, "d", (short) 0755, "u", "g", 0);
  }

  private InodeFile file(String name) {
    return new InodeFile(nextId++, name, (short) 0644, "u", "g", 0, (short) 1, 1024);
  }

  private static List<String> names(InodeDirectory d) {
    List<String> out = new ArrayList<>();
    for (Inode i : d.getChildren()) {
      out.add(i.getName());
    }
    return out;
  }

  @Test
  void insertKeepsNameOrderAndLookupFinds() {
    InodeDirectory d = dir();
    for (String n : List.of("m", "b", "z", "a", "k", "b1")) {
      d.addChild(file(n));
    }
    assertEquals(List.of("a", "b", "b1", "k", "m", "z"), names(d));
    assertEquals(6, d.getChildrenCount());
    assertEquals("k", d.getChild("k").getName());
    assertSame(d, d.getChild("k").getParent());
    assertNull(d.getChild("c"));
    assertNull(d.getChild(""));
  }

  @Test
  void removeShiftsAndClearsTheParent() {
    InodeDirectory d = dir();
    Inode a = file("a");
    Inode b = file("b");
    Inode c = file("c");
    d.addChild(c);
    d.addChild(a);
    d.addChild(b);
    d.removeChild(b);
    assertNull(b.getParent());
    assertEquals(List.of("a", "c"), names(d));
    d.removeChild(file("nope")); // no such name: nothing
    assertEquals(2, d.getChildrenCount());
    d.removeChild(a);
    d.removeChild(c);
    assertEquals(0, d.getChildrenCount());
    assertEquals(List.of(), names(d));
    assertThrows(IndexOutOfBoundsException.class, () -> d.child(0));
  }

  @Test
  void sameNameReplaces() {
    InodeDirectory d = dir();
    d.addChild(file("x"));
    Inode again = file("x");
    d.addChild(again);
    assertEquals(1, d.getChildrenCount());
    assertSame(again, d.getChild("x"));
  }

  /**
   * HDFS lists children in byte-wise UTF-8 order: a supplementary character (4 UTF-8 bytes,
   * a surrogate pair in Java) sorts after U+FFFD, where String.compareTo puts it before.
   */
  @Test
  void orderIsByteWiseUtf8() {
    InodeDirectory d = dir();
    String supplementary = new String(Character.toChars(0x1F600));
    String replacement = "\uFFFD";
    for (String n : List.of(supplementary, replacement, "Z", "a", "\u00e9", "~")) {
      d.addChild(file(n));
    }
    assertEquals(List.of("Z", "a", "~", "\u00e9", replacement, supplementary), names(d));
    assertSame(d.getChild(supplementary), d.child(5));
  }

  @Test
  void firstAfterPagesThroughNames() {
    InodeDirectory d = dir();
    for (String n : List.of("b", "d", "f")) {
      d.addChild(file(n));
    }
    assertEquals(0, d.firstAfter(""));
    assertEquals(0, d.firstAfter("a"));
    assertEquals(1, d.firstAfter("b"));
    assertEquals(1, d.firstAfter("c"));
    assertEquals(2, d.firstAfter("d"));
    assertEquals(3, d.firstAfter("f"));
    assertEquals(3, d.firstAfter("g"));
  }

  /** Random inserts and removes against a TreeMap in the same byte order, then paging. */
  @Test
  void randomChangesMatchASortedMap() {
    Random r = new Random(7);
    InodeDirectory d = dir();
    TreeMap<byte[], Inode> model = new TreeMap<>(NameBytes::compare);
    List<String> present = new ArrayList<>();
    for (int step = 0; step < 20_000; step++) {
      if (present.isEmpty() || r.nextInt(5) < 3) {
        String n = Integer.toString(r.nextInt(5_000), 36) + (r.nextBoolean() ? "\u00e9" : "");
        Inode f = file(n);
        if (model.put(NameBytes.of(n), f) == null) {
          present.add(n);
        }
        d.addChild(f);
      } else {
        int at = r.nextInt(present.size());
        Collections.swap(present, at, present.size() - 1);
        String n = present.remove(present.size() - 1);
        Inode f = model.remove(NameBytes.of(n));
        d.removeChild(f);
      }
    }
    assertEquals(new ArrayList<>(model.values()), new ArrayList<>(d.getChildren()));
    for (String n : present.subList(0, Math.min(200, present.size()))) {
      Inode f = d.getChild(n);
      assertSame(model.get(NameBytes.of(n)), f);
      // the page after n starts at n's successor
      byte[] next = model.higherKey(NameBytes.of(n));
      int from = d.firstAfter(n);
      if (next == null) {
        assertEquals(d.getChildrenCount(), from);
      } else {
        assertEquals(NameBytes.toString(next), d.child(from).getName());
      }
    }
  }
}
