package io.quire.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.types.Block;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.DataNodeInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminToolsTest {
  private final ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBuf, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
  private FakeAdminNameNode nn;
  private DataNodeInfo a;
  private DataNodeInfo b;
  private DataNodeInfo c;
  private DataNodeInfo dead;

  @BeforeEach void cluster() {
    nn = new FakeAdminNameNode();
    a = nn.node(1, DataNodeInfo.State.LIVE);
    b = nn.node(2, DataNodeInfo.State.LIVE);
    c = nn.node(3, DataNodeInfo.State.DECOMMISSIONING);
    dead = nn.node(4, DataNodeInfo.State.DEAD);
    nn.dir("/d");
    nn.file("/d/ok", (short) 2, List.of(a, b), List.of(b, a));
  }

  private int run(AdminTool t, String... args) {
    t.setConf(new Configuration(false));
    return t.withNameNode(nn.proxy()).run(args);
  }

  private String out() { return outBuf.toString(StandardCharsets.UTF_8); }
  private String err() { return errBuf.toString(StandardCharsets.UTF_8); }

  @Test void fsckHealthyTreeExitsZero() {
    assertEquals(0, run(new FsckTool(out, err), "/"));
    assertTrue(out().contains("/d/ok 2048 bytes, replication 2, 2 block(s): OK"), out());
    assertTrue(out().contains("0. blk_1_1001 len=1024 live=2/2 [127.0.0.1:4001, 127.0.0.1:4002]"
        + " HEALTHY"), out());
    assertTrue(out().contains("Status: HEALTHY"), out());
    assertTrue(out().contains(" Total files:\t1"), out());
    assertTrue(out().contains(" Total dirs:\t2"), out());
    assertTrue(out().contains("The filesystem under path '/' is HEALTHY"), out());
  }

  @Test void fsckUnderReplicatedIsStillHealthyButCounted() {
    nn.file("/d/under", (short) 3, List.of(a, dead, c));
    assertEquals(0, run(new FsckTool(out, err), "/d"));
    assertTrue(out().contains("live=1/3 [127.0.0.1:4001] decommissioning=[127.0.0.1:4003]"
        + " UNDER_REPLICATED"), out());
    assertTrue(out().contains("/d/under 1024 bytes, replication 3, 1 block(s): UNDER_REPLICATED"),
        out());
    assertTrue(out().contains(" Under-replicated blocks:\t1"), out());
    assertTrue(out().contains("Status: HEALTHY"), out());
  }

  @Test void fsckMissingAndCorruptExitNonZero() {
    nn.file("/d/gone", (short) 3, List.of(dead));
    nn.file("/d/bad", (short) 2, List.of(a, b));
    nn.corruptBlock("/d/bad", 0);
    assertEquals(1, run(new FsckTool(out, err), "/"));
    assertTrue(out().contains("/d/gone 1024 bytes, replication 3, 1 block(s): MISSING"), out());
    assertTrue(out().contains("/d/bad 1024 bytes, replication 2, 1 block(s): CORRUPT"), out());
    assertTrue(out().contains(" Missing blocks:\t1"), out());
    assertTrue(out().contains(" Corrupt blocks:\t1"), out());
    assertTrue(out().contains(" Corrupt files:\t2"), out());
    assertTrue(out().contains("The filesystem under path '/' is CORRUPT"), out());
  }

  @Test void fsckOfMissingPathFailsInOneLine() {
    assertEquals(1, run(new FsckTool(out, err), "/nope"));
    assertEquals("fsck: FileNotFoundException: fsck /nope: no such file or directory",
        err().strip());
  }

  @Test void reportListsTotalsAndNodesByState() {
    assertEquals(0, run(new ReportTool(out, err)));
    String o = out();
    assertTrue(o.contains("Configured Capacity: 3000 (2.93 KB)"), o);
    assertTrue(o.contains("Under-replicated blocks: 1"), o);
    assertTrue(o.contains("Safe mode: OFF"), o);
    assertTrue(o.contains("DataNodes: 4 total, 2 live, 0 stale, 1 dead, 1 decommissioning,"
        + " 0 decommissioned"), o);
    assertTrue(o.contains("Live datanodes (2):"), o);
    assertTrue(o.contains("Dead datanodes (1):"), o);
    assertTrue(o.contains("Name: 127.0.0.1:4003 (uuid-3) rack=/default-rack"
        + " state=DECOMMISSIONING"), o);
  }

  @Test void safeModeGetEnterLeave() {
    assertEquals(0, run(new SafeModeTool(out, err), "enter"));
    assertTrue(nn.safeMode);
    assertEquals(0, run(new SafeModeTool(out, err), "get"));
    assertEquals(0, run(new SafeModeTool(out, err), "leave"));
    assertFalse(nn.safeMode);
    assertEquals("Safe mode is ON\nSafe mode is ON\nSafe mode is OFF\n", out());
  }

  @Test void safeModeWaitReturnsOnceOff() {
    nn.safeMode = true;
    nn.safeModeGetsUntilOff = 2;
    assertEquals(0, run(new SafeModeTool(out, err), "wait"));
    assertEquals("Safe mode is OFF\n", out());
  }

  @Test void safeModeWaitGivesUpAfterTimeout() {
    nn.safeMode = true;
    assertEquals(1, run(new SafeModeTool(out, err), "wait", "0"));
    assertTrue(out().startsWith("Safe mode is ON"), out());
  }

  @Test void refusedCallIsOneLineAndNonZero() {
    nn.refuseSuperuserCalls = true;
    assertEquals(1, run(new SafeModeTool(out, err), "enter"));
    assertEquals("safemode: access denied: setSafeMode ENTER: mallory is not the superuser\n",
        err());
  }

  @Test void badArgumentsPrintUsage() {
    assertEquals(2, run(new SafeModeTool(out, err), "sideways"));
    assertTrue(err().contains("Usage: quire admin safemode get|enter|leave|wait"), err());
    assertEquals(2, run(new FsckTool(out, err)));
  }

  @Test void decommissionAndRecommissionCallTheNameNode() {
    assertEquals(0, run(new DecommissionTool(true, out, err), "127.0.0.1:4001"), err());
    assertEquals(0, run(new DecommissionTool(false, out, err), "uuid-1"), err());
    assertEquals(List.of("setDecommission 127.0.0.1:4001 true", "setDecommission uuid-1 false"),
        nn.decommissions);
    assertEquals("Decommission started for 127.0.0.1:4001\nRecommissioned uuid-1\n", out());
  }

  @Test void decommissionRefusedIsOneLine() {
    nn.refuseSuperuserCalls = true;
    assertEquals(1, run(new DecommissionTool(true, out, err), "127.0.0.1:4001"));
    assertEquals("decommission: access denied: setDecommission: mallory is not the superuser\n",
        err());
  }

  @Test void fsckUsesBlockHealthWhenServed() {
    nn.serveHealth = true;
    nn.file("/d/mixed", (short) 2, List.of(a, b));
    nn.health.put("/d/mixed", List.of(new BlockHealth(new Block(99, 1001, 1024), 0, 2,
        List.of(a), List.of(b), List.of(c), BlockHealth.Status.UNDER_REPLICATED)));
    assertEquals(0, run(new FsckTool(out, err), "/d/mixed"));
    assertTrue(out().contains("0. blk_99_1001 len=1024 live=1/2 [127.0.0.1:4001]"
        + " decommissioning=[127.0.0.1:4003] corrupt=[127.0.0.1:4002] UNDER_REPLICATED"), out());
    assertTrue(nn.calls.contains("getBlockHealth"));
    assertFalse(nn.calls.contains("getBlockLocations"));
  }

  @Test void reportUsesClusterHealthWhenServed() {
    nn.serveHealth = true;
    assertEquals(0, run(new ReportTool(out, err)));
    assertTrue(out().contains("Files: 7\nBlocks: 9\n"), out());
    assertTrue(out().contains("Pending replication blocks: 2\nSafe mode: ON"), out());
    assertTrue(out().contains("DataNodes: 4 total, 2 live, 0 stale, 1 dead, 1 decommissioning,"
        + " 0 decommissioned"), out());
  }

  @Test void mainDispatchesByName() {
    assertTrue(AdminMain.tool("fsck") instanceof FsckTool);
    assertTrue(AdminMain.tool("recommission") instanceof DecommissionTool);
    assertEquals(null, AdminMain.tool("format"));
  }
}
