package io.quire.namenode.namespace;

import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.RenameMode;
import io.quire.protocol.types.SafeModeAction;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PermissionCheckTest {
  private NamesystemFixture fx;
  private ClientProtocol nn;
  private final UserGroupInformation alice =
      UserGroupInformation.createUserForTesting("alice", new String[] {"staff"});
  private final UserGroupInformation bob =
      UserGroupInformation.createUserForTesting("bob", new String[] {"other"});
  private final UserGroupInformation admin =
      UserGroupInformation.createUserForTesting("carol", new String[] {"supergroup"});

  @BeforeEach
  void setUp() throws Exception {
    fx = new NamesystemFixture();
    nn = fx.client;
    nn.mkdirs("/home/alice", (short) 0755, true);
    nn.setOwner("/home/alice", "alice", "staff");
    nn.mkdirs("/tmp", (short) 01777, true);
    nn.setPermission("/tmp", (short) 01777);
  }

  private <T> T as(UserGroupInformation u, PrivilegedExceptionAction<T> a) throws Exception {
    return u.doAs(a);
  }

  @Test
  void ownerMayWriteOthersMayNot() throws Exception {
    assertTrue(as(alice, () -> nn.mkdirs("/home/alice/docs", (short) 0755, false)));
    AccessControlException e = assertThrows(AccessControlException.class,
        () -> as(bob, () -> nn.mkdirs("/home/alice/evil", (short) 0755, false)));
    assertTrue(e.getMessage().contains("user=bob, access=WRITE"), e.getMessage());
    assertThrows(AccessControlException.class,
        () -> as(bob, () -> nn.mkdirs("/rootdir", (short) 0755, false)));
    assertTrue(as(admin, () -> nn.mkdirs("/rootdir", (short) 0755, false)));
  }

  @Test
  void traverseNeedsExecute() throws Exception {
    as(alice, () -> nn.mkdirs("/home/alice/private/x", (short) 0700, true));
    nn.setPermission("/home/alice/private", (short) 0700);
    assertThrows(AccessControlException.class,
        () -> as(bob, () -> nn.getFileInfo("/home/alice/private/x")));
    assertNotNull(as(alice, () -> nn.getFileInfo("/home/alice/private/x")));
  }

  @Test
  void listingNeedsRead() throws Exception {
    nn.setPermission("/home/alice", (short) 0711);
    assertThrows(AccessControlException.class,
        () -> as(bob, () -> nn.getListing("/home/alice", "")));
    assertNotNull(as(alice, () -> nn.getListing("/home/alice", "")));
  }

  @Test
  void stickyBitProtectsOthersEntries() throws Exception {
    as(alice, () -> nn.mkdirs("/tmp/alices", (short) 0777, false));
    as(alice, () -> {
      nn.setPermission("/tmp/alices", (short) 0777);
      return null;
    });
    AccessControlException e = assertThrows(AccessControlException.class,
        () -> as(bob, () -> nn.delete("/tmp/alices", true)));
    assertTrue(e.getMessage().contains("sticky bit"), e.getMessage());
    assertThrows(AccessControlException.class,
        () -> as(bob, () -> {
          nn.rename("/tmp/alices", "/tmp/bobs", RenameMode.NO_OVERWRITE);
          return null;
        }));
    assertTrue(as(alice, () -> nn.delete("/tmp/alices", true)));
  }

  @Test
  void onlyOwnerChangesPermissionOnlySuperuserChangesOwner() throws Exception {
    assertThrows(AccessControlException.class, () -> as(bob, () -> {
      nn.setPermission("/home/alice", (short) 0777);
      return null;
    }));
    as(alice, () -> {
      nn.setPermission("/home/alice", (short) 0700);
      return null;
    });
    assertThrows(AccessControlException.class, () -> as(alice, () -> {
      nn.setOwner("/home/alice", "bob", null);
      return null;
    }));
    as(alice, () -> {
      nn.setOwner("/home/alice", null, "staff");
      return null;
    });
    as(admin, () -> {
      nn.setOwner("/home/alice", "bob", null);
      return null;
    });
    assertEquals("bob", nn.getFileInfo("/home/alice").getOwner());
  }

  @Test
  void safeModeChangesNeedSuperuser() throws Exception {
    assertThrows(AccessControlException.class,
        () -> as(bob, () -> nn.setSafeMode(SafeModeAction.ENTER)));
    assertFalse(as(bob, () -> nn.setSafeMode(SafeModeAction.GET)));
    assertTrue(as(admin, () -> nn.setSafeMode(SafeModeAction.ENTER)));
    assertFalse(nn.setSafeMode(SafeModeAction.LEAVE));
  }
}
