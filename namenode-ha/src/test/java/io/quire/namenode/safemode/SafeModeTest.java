package io.quire.namenode.safemode;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.InMemoryJournal;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.exceptions.SafeModeException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.SafeModeAction;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class SafeModeTest {

  /** A journal holding two closed files of one block each, on DataNodes 0 and 1; the blocks. */
  private static List<Block> journalWithTwoBlocks(InMemoryJournal journal) throws IOException {
    NamesystemFixture first = new NamesystemFixture(NamesystemFixture.defaultConf(), journal);
    first.addDataNode(0);
    first.addDataNode(1);
    Block b0 = writeOneBlock(first, "/f0", 0);
    Block b1 = writeOneBlock(first, "/f1", 1);
    return List.of(b0, b1);
  }

  private static Block writeOneBlock(NamesystemFixture fx, String path, int dn)
      throws IOException {
    long id = fx.client.create(path, (short) 0644, "c", false, true, (short) 1, 1024)
        .getFileId();
    LocatedBlock lb = fx.client.addBlock(path, id, "c", null, List.of(), null);
    Block b = lb.getBlock().withNumBytes(10);
    fx.finalized(dn, b);
    assertTrue(fx.client.complete(path, id, "c", b));
    return b;
  }

  private static void report(NamesystemFixture fx, int dn, Block b) throws IOException {
    fx.datanodes.registerDataNode(fx.registration(dn));
    fx.datanodes.blockReport(fx.registration(dn),
        List.of(new ReportedBlock(b, ReplicaState.FINALIZED)));
  }

  @Test
  void emptyNamespaceLeavesSafeModeAtOnce() throws IOException {
    assertFalse(new NamesystemFixture().client.setSafeMode(SafeModeAction.GET));
  }

  @Test
  void restartLeavesAtOnceWhenEveryBlockIsReported() throws IOException {
    InMemoryJournal journal = new InMemoryJournal();
    List<Block> blocks = journalWithTwoBlocks(journal);
    Configuration c = NamesystemFixture.defaultConf();
    c.setLong("quire.namenode.safemode.extension.ms", 30_000);
    NamesystemFixture fx = new NamesystemFixture(c, journal);
    assertTrue(fx.ns.getSafeMode().isOn());
    SafeModeException e = assertThrows(SafeModeException.class,
        () -> fx.client.mkdirs("/x", (short) 0755, true));
    assertTrue(e.getMessage().startsWith("mkdirs /x: cannot run while the NameNode is in safe"
        + " mode (0 of 2 blocks"), e.getMessage());
    assertNotNull(fx.client.getFileInfo("/f0"), "reads work in safe mode");
    report(fx, 0, blocks.get(0));
    assertTrue(fx.ns.getSafeMode().isOn());
    report(fx, 1, blocks.get(1));
    assertFalse(fx.ns.getSafeMode().isOn(), "nothing missing: no extension");
    assertTrue(fx.client.mkdirs("/x", (short) 0755, true));
  }

  @Test
  void thresholdWithMissingBlocksWaitsForTheExtension() throws IOException {
    InMemoryJournal journal = new InMemoryJournal();
    List<Block> blocks = journalWithTwoBlocks(journal);
    Configuration c = NamesystemFixture.defaultConf();
    c.setFloat("quire.namenode.safemode.threshold-pct", 0.5f);
    c.setLong("quire.namenode.safemode.extension.ms", 3000);
    NamesystemFixture fx = new NamesystemFixture(c, journal);
    report(fx, 0, blocks.get(0));
    assertTrue(fx.ns.getSafeMode().isOn(), "one block missing: the extension applies");
    fx.clock.addAndGet(2000);
    fx.monitor.runOnce();
    assertTrue(fx.ns.getSafeMode().isOn());
    fx.clock.addAndGet(1000);
    fx.monitor.runOnce();
    assertFalse(fx.ns.getSafeMode().isOn());
  }

  @Test
  void manualSafeModeStaysUntilLeave() throws IOException {
    NamesystemFixture fx = new NamesystemFixture();
    assertTrue(fx.client.setSafeMode(SafeModeAction.ENTER));
    fx.monitor.runOnce();
    assertTrue(fx.client.setSafeMode(SafeModeAction.GET));
    assertThrows(SafeModeException.class, () -> fx.client.delete("/a", true));
    assertFalse(fx.client.setSafeMode(SafeModeAction.LEAVE));
    assertFalse(fx.client.delete("/a", true));
  }
}
