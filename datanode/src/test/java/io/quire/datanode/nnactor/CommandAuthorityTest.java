package io.quire.datanode.nnactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.types.HaState;
import io.quire.protocol.types.NameNodeHaState;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Only the active with the highest epoch seen may command a DataNode. */
class CommandAuthorityTest {
  private final InetSocketAddress nn1 = InetSocketAddress.createUnresolved("nn1", 1);
  private final InetSocketAddress nn2 = InetSocketAddress.createUnresolved("nn2", 1);

  @Test
  void standbysNeverCommand() {
    CommandAuthority a = new CommandAuthority();
    for (HaState s : HaState.values()) {
      if (s != HaState.ACTIVE) {
        assertFalse(a.mayCommand(nn1, new NameNodeHaState(s, 99)), s.name());
      }
    }
  }

  @Test
  void aDeposedActiveIsIgnoredOnceTheNewOneSpoke() {
    CommandAuthority a = new CommandAuthority();
    assertTrue(a.mayCommand(nn1, new NameNodeHaState(HaState.ACTIVE, 5)));
    assertTrue(a.mayCommand(nn1, new NameNodeHaState(HaState.ACTIVE, 5)));
    assertTrue(a.mayCommand(nn2, new NameNodeHaState(HaState.ACTIVE, 6)));
    assertEquals(nn2, a.getActive());
    assertFalse(a.mayCommand(nn1, new NameNodeHaState(HaState.ACTIVE, 5)));
    assertTrue(a.mayCommand(nn2, new NameNodeHaState(HaState.ACTIVE, 6)));
    // nn1 comes back as the active of a later epoch (after another failover).
    assertTrue(a.mayCommand(nn1, new NameNodeHaState(HaState.ACTIVE, 8)));
    assertFalse(a.mayCommand(nn2, new NameNodeHaState(HaState.ACTIVE, 6)));
    assertEquals(8, a.getHighestEpoch());
  }
}
