package io.quire.namenode.rpc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.namenode.NameNode;
import io.quire.namenode.testing.LocalNameNode;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.exceptions.UnregisteredNodeException;
import io.quire.protocol.rpc.QuirePolicyProvider;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.authorize.AuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8 (DataNode calls checked against the caller): with hadoop.security.authorization on,
 * only the users in security.datanode.protocol.acl reach DataNodeProtocol (a client cannot
 * report bad blocks or commit a block recovery), while ClientProtocol stays open to all.
 */
@Timeout(120)
class ServiceAuthorizationTest {
  private static File dir;
  private static Configuration conf;
  private static NameNode nn;

  @BeforeAll
  static void start() throws IOException {
    dir = TargetDirs.freshFile(ServiceAuthorizationTest.class, "cluster");
    conf = LocalNameNode.conf(dir);
    conf.setInt("ipc.client.connect.max.retries", 0);
    conf.setBoolean(CommonConfigurationKeysPublic.HADOOP_SECURITY_AUTHORIZATION, true);
    conf.set(QuirePolicyProvider.DATANODE_ACL_KEY, "dnuser");
    NameNode.format(conf, false);
    nn = LocalNameNode.start(conf);
  }

  @AfterAll
  static void stop() {
    if (nn != null) {
      nn.stop();
    }
  }

  private static <T> T as(String user, PrivilegedExceptionAction<T> action) throws Exception {
    return UserGroupInformation.createRemoteUser(user).doAs(action);
  }

  private static void reportBadBlocks() throws IOException {
    DataNodeProtocol dn = QuireRpc.createDataNodeProxy(new Configuration(conf),
        nn.getRpcAddress());
    dn.reportBadBlocks(new DataNodeRegistration(new DataNodeId("uuid-x", "localhost", 1),
        nn.getNamesystem().getDataNodeManager().getClusterId(), "test"), List.of());
  }

  @Test
  void aUserOutsideTheDataNodeAclCannotCallTheDataNodeProtocol() {
    Exception e = assertThrows(Exception.class, () -> as("mallory", () -> {
      reportBadBlocks();
      return null;
    }));
    Throwable t = e;
    boolean refused = false;
    for (; t != null; t = t.getCause()) {
      refused |= (t instanceof AuthorizationException || (t instanceof RemoteException r
          && r.getClassName().equals(AuthorizationException.class.getName())))
          && t.getMessage().contains("User mallory") && t.getMessage().contains("not authorized");
    }
    assertTrue(refused, "refused by service authorization: " + e);
  }

  @Test
  void theDataNodeUserPassesAuthorizationAndAnyUserReachesTheClientProtocol() throws Exception {
    // Authorized: the call reaches the NameNode, which answers that this node never registered.
    assertThrows(UnregisteredNodeException.class, () -> as("dnuser", () -> {
      reportBadBlocks();
      return null;
    }));
    assertNotNull(as("mallory", () -> {
      ClientProtocol c = QuireRpc.createClientProxy(new Configuration(conf), nn.getRpcAddress(),
          UserGroupInformation.getCurrentUser());
      try {
        return c.getFileInfo("/");
      } finally {
        QuireRpc.stopProxy(c);
      }
    }));
  }
}
