package io.quire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Parsing jcmd GC.class_histogram output and the growth between two (no JVM probed). */
@Timeout(10)
class HeapHistogramTest {
  private static final String EARLY = String.join("\n",
      "12345:",
      " num     #instances         #bytes  class name (module)",
      "-------------------------------------------------------",
      "   1:         20000        2000000  [B (java.base@17.0.15)",
      "   2:          1000          24000  java.lang.Long (java.base@17.0.15)",
      "   3:            10            640  io.quire.datanode.storage.Replica",
      "Total         21010        2024640", "");
  private static final String LATE = String.join("\n",
      "12345:",
      " num     #instances         #bytes  class name (module)",
      "-------------------------------------------------------",
      "   1:         20100        2100000  [B (java.base@17.0.15)",
      "   2:           900          21600  java.lang.Long (java.base@17.0.15)",
      "   3:           510          32640  io.quire.datanode.storage.Replica",
      "   4:             1             16  io.quire.New",
      "Total         21511        2154256", "");

  @Test
  void readsEveryClassAndTheTotal() throws IOException {
    HeapHistogram h = HeapHistogram.parse(EARLY);
    assertEquals(2024640, h.totalBytes());
    assertEquals(3, h.classes().size());
    assertEquals(new HeapHistogram.Count(20000, 2000000), h.classes().get("[B"));
    assertEquals(new HeapHistogram.Count(10, 640),
        h.classes().get("io.quire.datanode.storage.Replica"));
  }

  @Test
  void growthListsGrownClassesLargestFirst() throws IOException {
    List<HeapHistogram.Growth> g = HeapHistogram.parse(EARLY).grownBy(
        HeapHistogram.parse(LATE), 10);
    assertEquals(List.of(new HeapHistogram.Growth("[B", 100, 100000),
        new HeapHistogram.Growth("io.quire.datanode.storage.Replica", 500, 32000),
        new HeapHistogram.Growth("io.quire.New", 1, 16)), g); // Long shrank: left out
    assertEquals(1, HeapHistogram.parse(EARLY).grownBy(HeapHistogram.parse(LATE), 1).size());
  }

  @Test
  void severalHistogramsOfOneCallAreSplitAtTheirTotals() throws IOException {
    List<String> each = HeapHistogram.split(EARLY + LATE.substring(LATE.indexOf('\n') + 1));
    assertEquals(2, each.size());
    assertEquals(2024640, HeapHistogram.parse(each.get(0)).totalBytes());
    assertEquals(2154256, HeapHistogram.parse(each.get(1)).totalBytes());
  }

  @Test
  void intArrayBytesAreWhereFillersGo() throws IOException {
    assertEquals(0, HeapHistogram.parse(EARLY).intArrayBytes());
    assertEquals(2557208, HeapHistogram.parse(String.join("\n",
        "   1:         32202        9689296  [B (java.base@17.0.15)",
        "   2:          2562        2557208  [I (java.base@17.0.15)",
        "Total         34764       12246504")).intArrayBytes());
  }

  @Test
  void outputWithoutTotalIsRefused() {
    IOException e = assertThrows(IOException.class,
        () -> HeapHistogram.parse("12345:\ncom.sun.tools.attach.AttachNotSupportedException"));
    assertTrue(e.getMessage().contains("no 'Total"), e.getMessage());
  }
}
