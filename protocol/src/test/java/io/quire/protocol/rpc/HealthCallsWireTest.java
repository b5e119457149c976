package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.DeepEquals.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.exceptions.UnknownDataNodeException;
import io.quire.protocol.types.BlockHealth;
import io.quire.protocol.types.ClusterHealth;
import io.quire.protocol.types.FileBlockHealth;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrative health calls (setDecommission, getBlockHealth, getClusterHealth). */
class HealthCallsWireTest {
  private static RpcFixture fixture;
  private static ClientProtocol nn;

  @BeforeAll
  static void startServer() throws IOException {
    fixture = RpcFixture.start();
    nn = fixture.newClientProxy();
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @BeforeEach
  void resetScript() {
    fixture.client.reset();
  }

  @Test
  void setDecommissionCarriesNodeAndFlag() throws IOException {
    fixture.client.returns("setDecommission", null);
    nn.setDecommission("10.0.0.1:9861", true);
    assertDeepEquals(List.of("10.0.0.1:9861", true),
        fixture.client.lastCall("setDecommission").args());
    nn.setDecommission("uuid-2", false);
    assertDeepEquals(List.of("uuid-2", false), fixture.client.lastCall("setDecommission").args());
  }

  @Test
  void setDecommissionFailuresKeepTheirClass() {
    fixture.client.fails("setDecommission",
        new AccessControlException("setDecommission uuid-1: bob is not the superuser"));
    assertThrows(AccessControlException.class, () -> nn.setDecommission("uuid-1", true));
    fixture.client.fails("setDecommission",
        new UnknownDataNodeException("setDecommission h:1: no such DataNode"));
    assertThrows(UnknownDataNodeException.class, () -> nn.setDecommission("h:1", true));
  }

  @Test
  void blockHealthRoundTripsEveryStatus() throws IOException {
    List<BlockHealth> blocks = List.of(
        new BlockHealth(Samples.block(1), 0, 3,
            List.of(Samples.datanode(1), Samples.datanode(2), Samples.datanode(3)), List.of(),
            List.of(), BlockHealth.Status.HEALTHY),
        new BlockHealth(Samples.block(2), 1L << 27, 3, List.of(Samples.datanode(1)),
            List.of(Samples.datanode(2)), List.of(Samples.bareDataNode(4)),
            BlockHealth.Status.UNDER_REPLICATED),
        new BlockHealth(Samples.block(3), 2L << 27, 3, List.of(),
            List.of(Samples.datanode(2)), List.of(), BlockHealth.Status.CORRUPT),
        new BlockHealth(Samples.block(4), 3L << 27, 2, List.of(), List.of(), List.of(),
            BlockHealth.Status.MISSING));
    FileBlockHealth answer = new FileBlockHealth("/a/f", 4L << 27, (short) 3, true, blocks);
    fixture.client.returns("getBlockHealth", answer);
    FileBlockHealth got = nn.getBlockHealth("/a/f");
    assertDeepEquals(answer, got);
    assertEquals(BlockHealth.Status.MISSING, got.getWorstStatus());
    assertDeepEquals(List.of("/a/f"), fixture.client.lastCall("getBlockHealth").args());
  }

  @Test
  void clusterHealthRoundTrips() throws IOException {
    ClusterHealth answer = new ClusterHealth(1L << 40, 1L << 30, (1L << 40) - (1L << 30), 4, 1,
        2, 1, 3, 17, 42, 5, 6, 7, 8, true);
    fixture.client.returns("getClusterHealth", answer);
    assertDeepEquals(answer, nn.getClusterHealth());
  }
}
