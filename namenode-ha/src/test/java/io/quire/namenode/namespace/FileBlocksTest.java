package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.namenode.blocks.BlockInfo;
import io.quire.namenode.blocks.BlockState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A file's blocks kept as nothing, one block or an array, seen as a list. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FileBlocksTest {
  private static BlockInfo block(long id) {
    return new BlockInfo(id, 1000, 10, BlockState.COMPLETE);
  }

  @Test
  void addRemoveAcrossTheStorageForms() {
    InodeFile f = new InodeFile(16390, "f", (short) 0644, "u", "g", 0, (short) 3, 1024);
    List<BlockInfo> blocks = f.getBlocks();
    assertEquals(0, blocks.size());
    assertNull(f.getLastBlock());
    BlockInfo a = block(1);
    BlockInfo b = block(2);
    BlockInfo c = block(3);
    blocks.add(a);
    assertSame(a, f.blockStorage());
    assertEquals(List.of(a), f.getBlocks());
    blocks.add(b);
    f.getBlocks().add(c);
    assertEquals(List.of(a, b, c), f.getBlocks());
    assertSame(c, f.getLastBlock());
    assertEquals(30, f.computeLength());
    BlockInfo[] shared = f.blockArray();
    f.getBlocks().remove(b);
    assertEquals(List.of(a, c), f.getBlocks());
    assertEquals(List.of(a, b, c), List.of(shared), "arrays are never changed in place");
    f.getBlocks().set(1, b);
    assertEquals(List.of(a, b), f.getBlocks());
    f.getBlocks().remove(0);
    assertSame(b, f.blockStorage());
    f.getBlocks().add(0, a);
    assertEquals(List.of(a, b), f.getBlocks());
    f.getBlocks().clear();
    assertEquals(0, f.blockCount());
    assertEquals(0, f.blockArray().length);
    assertThrows(IndexOutOfBoundsException.class, () -> f.getBlocks().get(0));
  }

  @Test
  void underConstructionLivesInTheFeatures() {
    InodeFile f = new InodeFile(16391, "f", (short) 0644, "u", "g", 0, (short) 3, 1024);
    f.setUnderConstruction("client", "host", "alice");
    assertEquals("client", f.getClientName());
    assertEquals("host", f.getClientMachine());
    assertEquals("alice", f.getLeaseUser());
    f.clearUnderConstruction();
    assertNull(f.getClientName());
    assertNull(f.getFeatures(), "no features object kept for a closed file");
  }
}
