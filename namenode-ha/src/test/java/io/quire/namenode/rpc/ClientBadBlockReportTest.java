package io.quire.namenode.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.testing.NamesystemFixture;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.LocatedBlock;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ClientProtocol.reportBadBlocks is checked against the caller: only a user who may read the
 * block's file may report its replicas bad (a user who cannot read alice's private file cannot
 * get its good replicas dropped); the refusal does not name the file, and a report with one
 * refused block marks nothing.
 */
@Timeout(60)
class ClientBadBlockReportTest {
  private final UserGroupInformation alice =
      UserGroupInformation.createUserForTesting("alice", new String[] {"staff"});
  private final UserGroupInformation bob =
      UserGroupInformation.createUserForTesting("bob", new String[] {"other"});
  private NamesystemFixture fx;
  private ClientProtocol nn;
  private LocatedBlock secret;
  private LocatedBlock shared;

  @BeforeEach
  void setUp() throws Exception {
    fx = new NamesystemFixture();
    nn = fx.client;
    for (int i = 0; i < 3; i++) {
      fx.addDataNode(i);
    }
    nn.mkdirs("/home/alice", (short) 0755, true);
    nn.setOwner("/home/alice", "alice", "staff");
    secret = as(alice, () -> written("/home/alice/secret", (short) 0600));
    shared = as(alice, () -> written("/home/alice/shared", (short) 0644));
  }

  private LocatedBlock written(String path, short perm) throws Exception {
    long id = nn.create(path, perm, "c-" + path, false, true, (short) 3, 1024).getFileId();
    Block b = nn.addBlock(path, id, "c-" + path, null, List.of(), null).getBlock()
        .withNumBytes(10);
    for (int i = 0; i < 3; i++) {
      fx.finalized(i, b);
    }
    assertTrue(nn.complete(path, id, "c-" + path, b));
    return nn.getBlockLocations(path, 0, 10).getBlocks().get(0);
  }

  private static <T> T as(UserGroupInformation u, PrivilegedExceptionAction<T> a)
      throws Exception {
    return u.doAs(a);
  }

  private static LocatedBlock firstReplica(LocatedBlock lb) {
    return new LocatedBlock(lb.getBlock(), 0, List.of(lb.getLocations().get(0)), false);
  }

  private int replicas(String path) throws Exception {
    return nn.getBlockLocations(path, 0, 10).getBlocks().get(0).getLocations().size();
  }

  @Test
  void aUserWhoCannotReadTheFileCannotReportItsReplicas() throws Exception {
    AccessControlException e = assertThrows(AccessControlException.class,
        () -> as(bob, () -> {
          nn.reportBadBlocks(List.of(firstReplica(shared), firstReplica(secret)));
          return null;
        }));
    assertTrue(e.getMessage().startsWith("reportBadBlocks " + secret.getBlock()
        + ": Permission denied: user=bob"), e.getMessage());
    assertFalse(e.getMessage().contains("/home/alice"), e.getMessage());
    assertEquals(3, replicas("/home/alice/secret"));
    assertEquals(3, replicas("/home/alice/shared"), "nothing marked: the report was refused");
  }

  @Test
  void readersReportReplicasOfWhatTheyMayRead() throws Exception {
    as(bob, () -> {
      nn.reportBadBlocks(List.of(firstReplica(shared)));
      return null;
    });
    assertEquals(2, replicas("/home/alice/shared"));
    as(alice, () -> {
      nn.reportBadBlocks(List.of(firstReplica(secret)));
      return null;
    });
    assertEquals(2, replicas("/home/alice/secret"));
  }

  @Test
  void unknownBlocksAreIgnored() throws Exception {
    as(bob, () -> {
      nn.reportBadBlocks(List.of(new LocatedBlock(new Block(424242, 1, 1), 0,
          List.of(secret.getLocations().get(0)), false)));
      return null;
    });
    assertEquals(3, replicas("/home/alice/secret"));
  }
}
