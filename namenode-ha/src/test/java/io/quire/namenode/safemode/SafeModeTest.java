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

  /** A journal holding one closed file with one block, and that block. */
  private static Block journalWithOneBlock(InMemoryJournal journal) throws IOException {
    NamesystemFixture first = new NamesystemFixture(NamesystemFixture.defaultConf(), journal);
    first.addDatanode(0);
    long id = first.client.create("/f", (short) 0644, "c", false, true, (short) 1, 1024)
        .getFileId();
    LocatedBlock lb = first.client.addBlock("/f", id, "c", null, List.of(), null);
    Block b = lb.getBlock().withNumBytes(10);
    first.finalized(0, b);
    assertTrue(first.client.complete("/f", id, "c", b));
    return b;
  }

  @Test
  void emptyNamespaceLeavesSafeModeAtOnce() throws IOException {
    assertFalse(new NamesystemFixture().client.setSafeMode(SafeModeAction.GET));
  }

  @Test
  void restartWaitsForBlockReportsThenExtension() throws IOException {
    InMemoryJournal journal = new InMemoryJournal();
    Block b = journalWithOneBlock(journal);
    Configuration c = NamesystemFixture.defaultConf();
    c.setLong("quire.namenode.safemode.extension.ms", 3000);
    NamesystemFixture fx = new NamesystemFixture(c, journal);
    assertTrue(fx.ns.getSafeMode().isOn());
    SafeModeException e = assertThrows(SafeModeException.class,
        () -> fx.client.mkdirs("/x", (short) 0755, true));
    assertTrue(e.getMessage().startsWith("mkdirs /x: cannot run while the NameNode is in safe"
        + " mode (0 of 1 blocks"), e.getMessage());
    assertNotNull(fx.client.getFileInfo("/f"), "reads work in safe mode");

    fx.datanodes.registerDatanode(fx.registration(0));
    fx.datanodes.blockReport(fx.registration(0),
        List.of(new ReportedBlock(b, ReplicaState.FINALIZED)));
    assertTrue(fx.ns.getSafeMode().isOn(), "blocks were missing: the extension applies");
    fx.clock.addAndGet(3000);
    fx.monitor.runOnce();
    assertFalse(fx.ns.getSafeMode().isOn());
    assertTrue(fx.client.mkdirs("/x", (short) 0755, true));
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
