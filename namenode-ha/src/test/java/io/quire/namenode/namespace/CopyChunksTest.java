package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Children of directory copies: flat for small directories, chunks for large ones, a chunk
 * unchanged since the directory's previous copy shared with it; lookup and paging by name.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CopyChunksTest {
  private static FileCopy file(String name) {
    return new FileCopy(16400, name, (short) 0644, "u", "g", 0, 0, null, (short) 1, 1024,
        new io.quire.namenode.blocks.BlockInfo[0], 0);
  }

  private static SnapshotCopy[] files(int n) {
    SnapshotCopy[] a = new SnapshotCopy[n];
    for (int i = 0; i < n; i++) {
      a[i] = file(String.format("f%06d", i));
    }
    return a;
  }

  private static DirectoryCopy dir(SnapshotCopy[] children, DirectoryCopy previous) {
    return new DirectoryCopy(16385, "d", (short) 0755, "u", "g", 0, 0, null, children.clone(),
        previous);
  }

  @Test
  void smallDirectoriesStayFlat() {
    SnapshotCopy[] c = files(CopyChunks.FLAT_MAX);
    assertSame(c, CopyChunks.of(c, null));
    assertEquals(0, CopyChunks.count(CopyChunks.of(new SnapshotCopy[0], null)));
  }

  @Test
  void largeDirectoriesShareUnchangedChunks() {
    SnapshotCopy[] c = files(1000);
    DirectoryCopy first = dir(c, null);
    assertEquals(1000, first.childCount());
    for (int i = 0; i < 1000; i++) {
      assertSame(c[i], first.child(i));
    }
    assertThrows(IndexOutOfBoundsException.class, () -> first.child(1000));
    c[500] = file(c[500].getName()); // overwritten: a new copy of the same name
    DirectoryCopy second = dir(c, first);
    Object a = chunks(first);
    Object b = chunks(second);
    SnapshotCopy[][] x = (SnapshotCopy[][]) a;
    SnapshotCopy[][] y = (SnapshotCopy[][]) b;
    assertEquals((1000 + 15) / 16, y.length);
    for (int k = 0; k < y.length; k++) {
      if (k == 500 / 16) {
        assertNotSame(x[k], y[k]);
      } else {
        assertSame(x[k], y[k], "chunk " + k + " shared");
      }
    }
    assertSame(c[500], second.child(c[500].getName()));
    assertNotSame(first.child(500), second.child(500));
  }

  @Test
  void lookupAndPagingOverChunks() {
    SnapshotCopy[] c = files(300);
    DirectoryCopy d = dir(c, null);
    assertSame(c[0], d.child("f000000"));
    assertSame(c[299], d.child("f000299"));
    assertSame(c[17], d.child("f000017"));
    assertNull(d.child("f000300"));
    assertNull(d.child("a"));
    assertEquals(0, d.firstAfter(""));
    assertEquals(18, d.firstAfter("f000017"));
    assertEquals(18, d.firstAfter("f000017x"));
    assertEquals(300, d.firstAfter("g"));
  }

  @Test
  void childrenAreSortedByteWiseWhenRead() {
    SnapshotCopy[] c = {file(new String(Character.toChars(0x1F600))), file("\uFFFD"), file("a")};
    DirectoryCopy d = dir(c, null);
    assertEquals("a", d.child(0).getName());
    assertEquals("\uFFFD", d.child(1).getName());
    assertSame(c[0], d.child(new String(Character.toChars(0x1F600))));
  }

  private static Object chunks(DirectoryCopy d) {
    return d.childStorage();
  }
}
