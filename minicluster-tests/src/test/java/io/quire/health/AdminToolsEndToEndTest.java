package io.quire.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.admin.AdminMain;
import io.quire.admin.DecommissionTool;
import io.quire.admin.FsckTool;
import io.quire.admin.ReportTool;
import io.quire.admin.SafeModeTool;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.testing.TestData;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 3): {@code quire admin report|safemode|fsck} end to end, each run
 * in-process through ToolRunner against a mini cluster, and a non-superuser refused.
 */
class AdminToolsEndToEndTest {
  private static MiniQuireCluster cluster;
  private static UserGroupInformation mallory;

  @BeforeAll static void start() throws Exception {
    cluster = HealthClusters.start(HealthClusters.conf((short) 3), 3, "admin-e2e");
    FileSystem fs = cluster.getFileSystem();
    for (int i = 0; i < 3; i++) {
      HealthClusters.write(fs, new Path("/e2e/ok/f" + i),
          TestData.random(HealthClusters.BLOCK_SIZE + 9 * i, i));
    }
    mallory = UserGroupInformation.createUserForTesting("mallory", new String[] {"users"});
  }

  @AfterAll static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static AdminRun asMallory(PrivilegedExceptionAction<AdminRun> a) throws Exception {
    return mallory.doAs(a);
  }

  @Test void reportShowsCapacityAndEveryNode() throws Exception {
    AdminRun r = AdminRun.tool(cluster, ReportTool::new);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Configured Capacity: ", "Remaining: ", "Safe mode: OFF",
        "Missing blocks: 0", "Corrupt blocks: 0",
        "DataNodes: 3 total, 3 live, 0 stale, 0 dead, 0 decommissioning, 0 decommissioned",
        "Live datanodes (3):");
    for (int i = 0; i < 3; i++) {
      assertThat(r.out()).contains("(" + cluster.getDataNode(i).getDataNodeUuid() + ")");
    }
  }

  @Test void safeModeGetEnterWaitLeave() throws Exception {
    assertThat(AdminRun.tool(cluster, SafeModeTool::new, "get").out())
        .isEqualTo("Safe mode is OFF\n");
    assertThat(AdminRun.tool(cluster, SafeModeTool::new, "enter").out())
        .isEqualTo("Safe mode is ON\n");
    AdminRun timedOut = AdminRun.tool(cluster, SafeModeTool::new, "wait", "0");
    assertThat(timedOut.exitCode()).isEqualTo(1);
    assertThat(AdminRun.tool(cluster, SafeModeTool::new, "leave").out())
        .isEqualTo("Safe mode is OFF\n");
    AdminRun waited = AdminRun.tool(cluster, SafeModeTool::new, "wait");
    assertThat(waited.exitCode()).isZero();
    assertThat(waited.out()).isEqualTo("Safe mode is OFF\n");
  }

  @Test void fsckHealthyTree() throws Exception {
    await("written at 3").atMost(HealthClusters.intervals(10))
        .until(() -> HealthClusters.allAtLive(cluster.getClientProtocol(),
            java.util.List.of("/e2e/ok/f0", "/e2e/ok/f1", "/e2e/ok/f2"), 3));
    AdminRun r = AdminRun.fsck(cluster, "/e2e/ok");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("/e2e/ok/f0 " + HealthClusters.BLOCK_SIZE
        + " bytes, replication 3, 1 block(s): OK", "/e2e/ok/f2 ", "Status: HEALTHY",
        " Total files:\t3", " Missing blocks:\t0",
        "The filesystem under path '/e2e/ok' is HEALTHY");
  }

  @Test void fsckReportsMissingBlockAndExitsNonZero() throws Exception {
    FileSystem fs = cluster.getFileSystem();
    Path lonely = new Path("/e2e/missing/lonely");
    try (var out = fs.create(lonely, (short) 1)) {
      out.write(TestData.random(1000, 77));
    }
    ClientProtocol nn = cluster.getClientProtocol();
    DataNodeInfo holder = HealthClusters.blocks(nn, lonely.toString()).get(0).locations().get(0);
    int index = cluster.indexOfDataNode(holder.getUuid());
    cluster.stopDataNode(index);
    try {
      await("holder dead").atMost(HealthClusters.intervals(10))
          .until(() -> HealthClusters.stateOf(nn, holder.getUuid()) == DataNodeInfo.State.DEAD);
      AdminRun r = AdminRun.fsck(cluster, "/e2e/missing");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out()).contains("/e2e/missing/lonely 1000 bytes, replication 1, 1 block(s):"
          + " MISSING", " Missing blocks:\t1", "Status: CORRUPT",
          "The filesystem under path '/e2e/missing' is CORRUPT");
    } finally {
      cluster.startDataNode(index);
      cluster.waitActive();
    }
    await("healthy again").atMost(HealthClusters.intervals(10))
        .until(() -> AdminRun.fsck(cluster, "/e2e/missing").exitCode() == 0);
  }

  @Test void nonSuperuserIsRefusedSafeModeChanges() throws Exception {
    AdminRun get = asMallory(() -> AdminRun.tool(cluster, SafeModeTool::new, "get"));
    assertThat(get.exitCode()).isZero();
    AdminRun enter = asMallory(() -> AdminRun.tool(cluster, SafeModeTool::new, "enter"));
    assertThat(enter.exitCode()).isEqualTo(1);
    assertThat(enter.err()).startsWith("safemode: access denied: ").contains("mallory")
        .hasLineCount(1);
    assertThat(AdminRun.tool(cluster, SafeModeTool::new, "get").out())
        .isEqualTo("Safe mode is OFF\n");
    // fsck needs no privilege, but mallory may not traverse root's drwxr--r-- directories.
    AdminRun fsck = asMallory(() -> AdminRun.fsck(cluster, "/e2e/ok"));
    assertThat(fsck.exitCode()).isEqualTo(1);
    assertThat(fsck.err()).startsWith("fsck: access denied: ").contains("mallory")
        .hasLineCount(1);
  }

  @Test void nonSuperuserIsRefusedDecommission() throws Exception {
    String node = cluster.getDataNode(0).getDataNodeId().getDataAddress();
    AdminRun r = asMallory(() -> AdminRun.tool(cluster,
        (o, e) -> new DecommissionTool(true, o, e), node));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("decommission: access denied: ").hasLineCount(1);
    assertThat(HealthClusters.stateOf(cluster.getClientProtocol(),
        cluster.getDataNode(0).getDataNodeUuid())).isEqualTo(DataNodeInfo.State.LIVE);
  }

  @Test void adminMainTakesTheGenericFsOption() throws Exception {
    Configuration bare = new Configuration();
    int rc = AdminMain.run(bare, new String[] {"fsck", "-fs", cluster.getURI().toString(),
        "/e2e/ok"});
    assertThat(rc).isZero();
    assertThat(AdminMain.run(bare, new String[] {"nonsense"})).isEqualTo(2);
    assertThat(AdminRun.tool(cluster, FsckTool::new, "/no/such").exitCode()).isEqualTo(1);
  }

  /** As with {@code hdfs dfsadmin}, generic options may also come before the command. */
  @Test void adminMainTakesGenericOptionsBeforeTheCommand() throws Exception {
    Configuration bare = new Configuration();
    assertThat(AdminMain.run(bare, new String[] {"-fs", cluster.getURI().toString(),
        "-D", "quire.test.unused=1", "fsck", "/e2e/ok"})).isZero();
    assertThat(AdminMain.run(bare, new String[] {"-D", "fs.defaultFS="
        + cluster.getURI(), "report"})).isZero();
    assertThat(AdminMain.run(bare, new String[] {"-D", "a=b"})).isEqualTo(2);
  }
}
