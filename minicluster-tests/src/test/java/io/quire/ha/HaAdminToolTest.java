package io.quire.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.admin.AdminTool;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.minicluster.testing.HaToolRun;
import io.quire.protocol.types.HaState;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code quire admin ha state|failover|transition} on three NameNodes. */
class HaAdminToolTest {
  private static MiniQuireCluster cluster;

  @BeforeAll
  static void start() throws IOException {
    cluster = MiniQuireCluster.builder(new Configuration()).nameNodes(3).numDataNodes(1).build();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static HaToolRun ha(String... args) throws Exception {
    return HaToolRun.of(cluster.getConfiguration(), args);
  }

  @Test
  void stateListsEveryNameNodeWithOneActive() throws Exception {
    HaToolRun r = ha("state");
    assertEquals(AdminTool.EXIT_OK, r.exit(), r.err());
    assertEquals(4, r.out().strip().split("\n").length, r.out());
    assertEquals(1, r.out().split(" ACTIVE ", -1).length - 1, r.out());
    assertEquals(2, r.out().split(" STANDBY ", -1).length - 1, r.out());
    HaToolRun one = ha("state", "nn1");
    assertEquals(AdminTool.EXIT_OK, one.exit());
    assertTrue(one.out().contains("nn1"), one.out());
  }

  @Test
  void failoverToANamedStandbyAndTransition() throws Exception {
    int active = cluster.waitForActiveNameNode();
    int target = (active + 2) % 3; // not the next one in line, to show --to is obeyed
    HaToolRun r = ha("failover", "--to", "nn" + target);
    assertEquals(AdminTool.EXIT_OK, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("Failover from nn" + active + " to nn" + target + " in "),
        r.out());
    assertEquals(HaState.ACTIVE, cluster.status(target).state());
    assertEquals(HaState.STANDBY, cluster.status(active).state());

    HaToolRun t = ha("transition", "--to-standby", "nn" + target);
    assertEquals(AdminTool.EXIT_OK, t.exit(), t.err());
    int next = cluster.waitForActiveNameNode();
    assertTrue(next != target, "another NameNode took over");
    cluster.waitActive();
  }

  @Test
  void badArgumentsAreUsageErrors() throws Exception {
    assertEquals(AdminTool.EXIT_USAGE, ha("state", "nn9").exit());
    assertEquals(AdminTool.EXIT_USAGE, ha("failover", "--to").exit());
    assertEquals(AdminTool.EXIT_USAGE, ha("promote").exit());
    HaToolRun r = ha("transition", "nn1");
    assertEquals(AdminTool.EXIT_USAGE, r.exit());
    assertTrue(r.err().contains("--to-standby"), r.err());
  }
}
