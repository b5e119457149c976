package io.quire.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.minicluster.MiniQuireCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web servers of an HA pair: /isActive is 200 on the active and 405 on the standby, the
 * overview shows each one's HA state and the journal epoch, and each /prom carries its own
 * NameNode's metrics (told apart by the {@code source} label).
 */
@Timeout(180)
class WebUiHaTest {
  private static MiniQuireCluster cluster;

  @BeforeAll
  static void start() throws IOException {
    cluster = MiniQuireCluster.builder(new Configuration()).nameNodes(2).numDataNodes(1).build();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void isActiveOverviewAndPromOnActiveAndStandby() throws Exception {
    int active = cluster.getActiveNameNodeIndex();
    int standby = 1 - active;
    InetSocketAddress a = cluster.getNameNodeHttpAddress(active);
    InetSocketAddress s = cluster.getNameNodeHttpAddress(standby);
    assertEquals(200, Http.get(a, "/isActive").status());
    assertEquals(405, Http.get(s, "/isActive").status());

    JsonNode oa = Http.json(a, "/api/overview");
    JsonNode os = Http.json(s, "/api/overview");
    assertTrue(oa.get("ha").asBoolean());
    assertEquals("ACTIVE", oa.get("haState").asText());
    assertEquals("STANDBY", os.get("haState").asText());
    assertEquals(cluster.getNameNode(active).getNameNodeId().orElseThrow(),
        oa.get("nameNodeId").asText());
    long epoch = cluster.getNameNode(active).getNamesystem().getHaGate().epoch();
    assertTrue(epoch > 0);
    assertEquals(epoch, oa.get("epoch").asLong());
    assertEquals(-1, os.at("/journal/lastWrittenTxId").asLong(), "a standby writes nothing");

    for (int i : new int[] {active, standby}) {
      String source = cluster.getNameNode(i).getMetrics().getName();
      PrometheusText prom = PrometheusText.parse(
          Http.get(cluster.getNameNodeHttpAddress(i), "/prom").body());
      double code = prom.find("name_node_ha_state_code", Map.of("source", source)).value();
      assertEquals(cluster.getNameNode(i).getNamesystem().getHaGate().state().ordinal(), code);
    }
  }
}
