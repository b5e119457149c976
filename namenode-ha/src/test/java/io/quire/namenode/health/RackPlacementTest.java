package io.quire.namenode.health;

import static io.quire.namenode.health.HealthCluster.index;
import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.types.DataNodeInfo;
import io.quire.protocol.types.LocatedBlock;
import io.quire.testing.TargetDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.net.TableMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HDFS default placement over racks from a TableMapping. */
@Timeout(120)
class RackPlacementTest {

  /** Nodes 0-2 on /r1, 3-5 on /r2 (node i is host 127.0.0.(i+1)). */
  private static HealthCluster twoRacks() throws IOException {
    Path dir = TargetDirs.fresh(RackPlacementTest.class, "topology");
    Path table = dir.resolve("topology.table");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append("127.0.0.").append(i + 1).append(i < 3 ? " /r1\n" : " /r2\n");
    }
    Files.writeString(table, sb.toString());
    Configuration conf = NamesystemFixture.defaultConf();
    conf.setClass(CommonConfigurationKeysPublic.NET_TOPOLOGY_NODE_SWITCH_MAPPING_IMPL_KEY,
        TableMapping.class, org.apache.hadoop.net.DNSToSwitchMapping.class);
    conf.set(CommonConfigurationKeysPublic.NET_TOPOLOGY_TABLE_MAPPING_FILE_KEY,
        table.toString());
    return new HealthCluster(6, conf);
  }

  @Test
  void racksAreResolvedAtRegistrationAndReported() throws IOException {
    HealthCluster c = twoRacks();
    for (DataNodeInfo d : c.fx.client.getDataNodeReport()) {
      assertEquals(index(d) < 3 ? "/r1" : "/r2", d.getRack(), d.toString());
    }
  }

  @Test
  void writerThenRemoteRackThenSameRemoteRack() throws IOException {
    HealthCluster c = twoRacks();
    for (int round = 0; round < 4; round++) {
      long id = c.fx.client.create("/f" + round, (short) 0644, "c", false, true, (short) 3,
          1024).getFileId();
      LocatedBlock lb = c.fx.client.addBlock("/f" + round, id, "c", null, List.of(),
          "127.0.0.2");
      List<DataNodeInfo> t = lb.getLocations();
      assertEquals(3, t.size());
      assertEquals("dn-1", t.get(0).getUuid(), "the writer's node first");
      assertEquals("/r2", t.get(1).getRack());
      assertEquals("/r2", t.get(2).getRack());
      assertNotEquals(t.get(1).getUuid(), t.get(2).getUuid());
    }
  }

  @Test
  void oneRackFallsBackToAnyNode() throws IOException {
    HealthCluster c = new HealthCluster(3);
    long id = c.fx.client.create("/f", (short) 0644, "c", false, true, (short) 3, 1024)
        .getFileId();
    LocatedBlock lb = c.fx.client.addBlock("/f", id, "c", null, List.of(), null);
    assertEquals(3, lb.getLocations().size());
    assertTrue(lb.getLocations().stream().allMatch(d -> "/default-rack".equals(d.getRack())));
  }

  @Test
  void staleNodesAreAvoidedForWritesAndReadLast() throws IOException {
    HealthCluster c = new HealthCluster(4);
    LocatedBlock lb = c.writeFile("/f", (short) 3);
    int stale = index(lb.getLocations().get(0));
    c.fx.clock.addAndGet(6_000); // past the 5 s stale interval
    for (int i = 0; i < 4; i++) {
      if (i != stale) {
        c.fx.heartbeat(i);
      }
    }
    List<DataNodeInfo> locs = c.fx.client.getBlockLocations("/f", 0, 100).getBlocks().get(0)
        .getLocations();
    assertEquals("dn-" + stale, locs.get(locs.size() - 1).getUuid());
    assertEquals(DataNodeInfo.State.STALE, locs.get(locs.size() - 1).getState());
    long id = c.fx.client.create("/g", (short) 0644, "c", false, true, (short) 3, 1024)
        .getFileId();
    LocatedBlock g = c.fx.client.addBlock("/g", id, "c", null, List.of(), null);
    assertTrue(g.getLocations().stream().noneMatch(d -> d.getUuid().equals("dn-" + stale)));
  }
}
