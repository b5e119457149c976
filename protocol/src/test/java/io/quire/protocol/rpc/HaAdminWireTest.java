package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.DeepEquals.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HaStatus;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.ipc.StandbyException;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HaAdminProtocol over real Hadoop IPC: every field of the status, calls and failures. */
class HaAdminWireTest {
  private static RpcFixture fixture;
  private static HaAdminProtocol nn;

  @BeforeAll
  static void startServer() throws IOException {
    fixture = RpcFixture.start();
    nn = fixture.newHaAdminProxy();
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @BeforeEach
  void resetScript() {
    fixture.haAdmin.reset();
  }

  @Test
  void statusRoundTripsInEveryState() throws IOException {
    for (HaState state : HaState.values()) {
      HaStatus s = new HaStatus("nn2", state, 42, 1000, 1007, "nn1", 900, true, 3);
      fixture.haAdmin.returns("getHaStatus", s);
      assertDeepEquals(s, nn.getHaStatus());
    }
    HaStatus noActive = new HaStatus("", HaState.STANDBY, 0, 0, 0, null, 0, false, 0);
    fixture.haAdmin.returns("getHaStatus", noActive);
    assertDeepEquals(noActive, nn.getHaStatus());
    assertEquals(7, new HaStatus("a", HaState.STANDBY, 1, 10, 17, null, 0, false, 0).tailLag());
  }

  @Test
  void transitionsReachTheServer() throws IOException {
    fixture.haAdmin.returns("transitionToStandby", null);
    nn.transitionToStandby();
    assertDeepEquals(List.of(), fixture.haAdmin.lastCall("transitionToStandby").args());
    fixture.haAdmin.returns("rejoinElection", null);
    nn.rejoinElection();
    assertDeepEquals(List.of(), fixture.haAdmin.lastCall("rejoinElection").args());
  }

  @Test
  void failuresKeepTheirClass() {
    fixture.haAdmin.fails("rejoinElection",
        new StandbyException("rejoinElection: nn1 is active; use transitionToStandby"));
    StandbyException e = assertThrows(StandbyException.class, () -> nn.rejoinElection());
    assertEquals("rejoinElection: nn1 is active; use transitionToStandby", e.getMessage());
    fixture.haAdmin.fails("transitionToStandby",
        new AccessControlException("transitionToStandby: bob is not the superuser"));
    assertThrows(AccessControlException.class, () -> nn.transitionToStandby());
  }
}
