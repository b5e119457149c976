package io.quire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.rpc.QuirePolicyProvider;
import io.quire.protocol.rpc.QuireRpc;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.StorageReport;
import io.quire.testing.BlockClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.UserGroupInformation.AuthenticationMethod;
import org.apache.hadoop.security.token.Token;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Kerberized cluster (issue 8): NameNode and DataNodes log in from keytabs issued by a
 * MiniKdc, Hadoop IPC authenticates with SASL/GSSAPI. A user logged in from a keytab writes and
 * reads (the data path still runs on block tokens); a caller without Kerberos credentials is
 * refused before any method runs; a user with a valid ticket that is not the DataNode principal
 * is refused on every DataNodeProtocol method. UGI goes back to simple authentication after
 * the class (see {@link KerberosFixture}).
 */
@Timeout(300)
class KerberizedClusterTest {
  private static KerberosFixture kdc;
  private static MiniQuireCluster cluster;
  private static Configuration conf;
  private static UserGroupInformation nn;
  private static UserGroupInformation dn;
  private static UserGroupInformation alice;

  @BeforeAll static void start() throws Exception {
    kdc = KerberosFixture.start("kerberized-cluster");
    Configuration c = kdc.conf();
    c.setInt(QuireConfigKeys.REPLICATION_KEY, 2);
    c.setLong(QuireConfigKeys.BLOCK_SIZE_KEY, 64 * 1024);
    nn = kdc.login("nn", KerberosFixture.NN);
    dn = kdc.login("dn", KerberosFixture.DN);
    alice = kdc.login("alice", "alice");
    // Formatted and started by a plain user: the daemons run as their own principals, and the
    // root belongs to the NameNode's user (its principal's short name), not to the formatter.
    cluster = KerberosFixture.as(alice,
        () -> MiniQuireCluster.builder(c).numDataNodes(2).build());
    conf = cluster.getConfiguration();
    KerberosFixture.homeOf("alice", nn, cluster, conf);
  }

  @AfterAll static void stop() {
    KerberosFixture.closeAll(cluster, kdc);
  }

  @Test void aKeytabUserWritesAndReadsAcrossBlocks() throws Exception {
    byte[] data = new byte[300_000];
    new Random(8).nextBytes(data);
    Path p = new Path("/user/alice/f");
    KerberosFixture.as(alice, () -> {
      try (FileSystem fs = FileSystem.newInstance(cluster.getURI(), conf)) {
        try (FSDataOutputStream out = fs.create(p)) {
          out.write(data);
        }
        byte[] back = new byte[data.length];
        try (FSDataInputStream in = fs.open(p)) {
          IOUtils.readFully(in, back, 0, back.length);
        }
        assertArrayEquals(data, back);
        assertEquals("alice", fs.getFileStatus(p).getOwner(), "the principal's short name");
      }
      return null;
    });
  }

  @Test void theRootBelongsToTheNameNodePrincipalsShortName() throws Exception {
    assertEquals("nn", KerberosFixture.as(alice, () -> {
      try (FileSystem fs = FileSystem.newInstance(cluster.getURI(), conf)) {
        return fs.getFileStatus(new Path("/")).getOwner();
      }
    }));
  }

  @Test void aCallerWithoutKerberosCredentialsIsRefused() throws Exception {
    UserGroupInformation mallory = UserGroupInformation.createRemoteUser("mallory");
    IOException simple = assertThrows(IOException.class, () -> KerberosFixture.as(mallory,
        () -> directClient(mallory).getFileInfo("/")));
    assertThat(chain(simple)).as(describe(simple))
        .contains("Client cannot authenticate via:[KERBEROS]");
    assertThat(anyCause(simple, AccessControlException.class)).as(describe(simple)).isTrue();

    UserGroupInformation noTicket = UserGroupInformation.createRemoteUser(
        "alice@" + kdc.realm(), AuthenticationMethod.KERBEROS.getAuthMethod());
    IOException ticketless = assertThrows(IOException.class, () -> KerberosFixture.as(noTicket,
        () -> directClient(noTicket).getFileInfo("/")));
    assertThat(chain(ticketless)).as(describe(ticketless)).contains("GSS initiate failed");

    IOException viaFs = assertThrows(IOException.class, () -> KerberosFixture.as(mallory, () -> {
      try (FileSystem fs = FileSystem.newInstance(cluster.getURI(), conf)) {
        return fs.getFileStatus(new Path("/"));
      }
    }));
    assertThat(chain(viaFs)).as(describe(viaFs)).contains("Client cannot authenticate");
  }

  @Test void onlyTheDataNodePrincipalMayCallDataNodeProtocol() throws Exception {
    String clusterId = KerberosFixture.as(dn, () -> {
      DataNodeProtocol p = datanodeProxy(dn);
      try {
        return p.versionRequest().getClusterId();
      } finally {
        QuireRpc.stopProxy(p);
      }
    });
    DataNodeRegistration fake = new DataNodeRegistration(
        new DataNodeId("fake-uuid", "localhost", 1), clusterId, "0");
    Block b = new Block(1, 0, 1);
    for (UserGroupInformation who : List.of(alice, nn)) {
      KerberosFixture.as(who, () -> {
        DataNodeProtocol p = datanodeProxy(who);
        try {
          for (Call call : List.<Call>of(
              p::versionRequest,
              () -> p.registerDataNode(fake),
              () -> p.sendHeartbeat(fake, new StorageReport(1, 0, 1, 0, 0)),
              () -> p.blockReport(fake, List.of()),
              () -> p.blockReceivedAndDeleted(fake, List.of(), List.of(b)),
              () -> p.reportBadBlocks(fake, List.of(b)),
              () -> p.commitBlockSynchronization(b, 2, 0, true, false, List.of()))) {
            AccessControlException e = assertThrows(AccessControlException.class, call::run,
                who.getUserName());
            assertThat(e.getMessage()).contains("is not the DataNode principal dn/localhost@");
          }
        } finally {
          QuireRpc.stopProxy(p);
        }
        return null;
      });
    }
    assertEquals(2, cluster.getNameNode().getNamesystem().getDataNodeManager().getLiveNodes()
        .size(), "no fake node registered");
  }

  @Test void registrationNeedsTheClusterIdEvenFromTheDataNodePrincipal() throws Exception {
    KerberosFixture.as(dn, () -> {
      DataNodeProtocol p = datanodeProxy(dn);
      try {
        IncompatibleStorageException e = assertThrows(IncompatibleStorageException.class,
            () -> p.registerDataNode(new DataNodeRegistration(
                new DataNodeId("other-uuid", "localhost", 1), "CID-someone-else", "0")));
        assertThat(e.getMessage()).contains("CID-someone-else");
      } finally {
        QuireRpc.stopProxy(p);
      }
      return null;
    });
  }

  @Test void theDataPathStillNeedsABlockToken() throws Exception {
    byte[] data = new byte[5000];
    new Random(9).nextBytes(data);
    LocatedBlock lb = KerberosFixture.as(alice, () -> {
      try (FileSystem fs = FileSystem.newInstance(cluster.getURI(), conf)) {
        try (FSDataOutputStream out = fs.create(new Path("/user/alice/small"))) {
          out.write(data);
        }
      }
      ClientProtocol c = directClient(alice);
      try {
        return c.getBlockLocations("/user/alice/small", 0, data.length).getBlocks().get(0);
      } finally {
        QuireRpc.stopProxy(c);
      }
    });
    var node = lb.getLocations().get(0);
    long len = lb.getBlock().getNumBytes();
    assertArrayEquals(data, BlockClient.read(node, lb.getBlock(), 0, len, lb.getToken()).data());
    BlockClient.ReadResult none = BlockClient.read(node, lb.getBlock(), 0, len, new Token<>());
    assertEquals(Status.ERROR_ACCESS_TOKEN, none.response().getStatus());
    assertNull(none.data());
  }

  @Test void adminCallsWorkWithATicket() throws Exception {
    assertEquals(cluster.getNameNode().getNamesystem().getHaGate().state(),
        KerberosFixture.as(alice, () -> cluster.status(0)).state());
  }

  @Test void withServiceAuthorizationDataNodesStillRegisterAndAclsApply() throws Exception {
    Configuration c = kdc.conf();
    c.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
    c.setBoolean("hadoop.security.authorization", true);
    c.set(QuirePolicyProvider.CLIENT_ACL_KEY, "alice");
    UserGroupInformation bob = kdc.login("bob", "bob");
    try (MiniQuireCluster acl = KerberosFixture.as(nn,
        () -> MiniQuireCluster.builder(c).numDataNodes(1).build())) {
      assertEquals(1, acl.getNameNode().getNamesystem().getDataNodeManager().getLiveNodes()
          .size(), "the DataNode principal passes Hadoop's clientPrincipal check");
      assertEquals("nn", KerberosFixture.as(alice, () -> {
        ClientProtocol p = QuireRpc.createClientProxy(quick(), acl.getNameNodeAddress(0), alice);
        try {
          return p.getFileInfo("/").getOwner();
        } finally {
          QuireRpc.stopProxy(p);
        }
      }));
      IOException refused = assertThrows(IOException.class, () -> KerberosFixture.as(bob, () -> {
        ClientProtocol p = QuireRpc.createClientProxy(quick(), acl.getNameNodeAddress(0), bob);
        try {
          return p.getFileInfo("/");
        } finally {
          QuireRpc.stopProxy(p);
        }
      }));
      assertThat(chain(refused)).as(describe(refused))
          .contains("User bob@" + kdc.realm() + " (auth:KERBEROS) is not authorized");
    }
  }

  @Test void daemonsInTheirOwnJvmsLogInFromTheirKeytabs() throws Exception {
    Configuration c = kdc.conf();
    c.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
    byte[] data = new byte[50_000];
    new Random(11).nextBytes(data);
    try (MiniQuireCluster forked = KerberosFixture.as(nn, () -> MiniQuireCluster.builder(c)
        .forkNameNodes(true).forkDataNodes(true).numDataNodes(1).build())) {
      KerberosFixture.as(nn, () -> {
        try (FileSystem fs = FileSystem.newInstance(forked.getURI(), c)) {
          try (FSDataOutputStream out = fs.create(new Path("/forked"))) {
            out.write(data);
          }
          byte[] back = new byte[data.length];
          try (FSDataInputStream in = fs.open(new Path("/forked"))) {
            IOUtils.readFully(in, back, 0, back.length);
          }
          assertArrayEquals(data, back);
        }
        return null;
      });
      UserGroupInformation mallory = UserGroupInformation.createRemoteUser("mallory");
      IOException e = assertThrows(IOException.class, () -> KerberosFixture.as(mallory, () -> {
        ClientProtocol p = QuireRpc.createClientProxy(quick(), forked.getNameNodeAddress(0),
            mallory);
        try {
          return p.getFileInfo("/");
        } finally {
          QuireRpc.stopProxy(p);
        }
      }));
      assertThat(chain(e)).as(describe(e)).contains("Client cannot authenticate via:[KERBEROS]");
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  private static ClientProtocol directClient(UserGroupInformation ugi) throws IOException {
    return QuireRpc.createClientProxy(quick(), cluster.getNameNodeAddress(0), ugi);
  }

  private static DataNodeProtocol datanodeProxy(UserGroupInformation ugi) throws IOException {
    InetSocketAddress a = cluster.getNameNodeAddress(0);
    return QuireRpc.createDataNodeProxy(quick(), a, ugi);
  }

  /** No connect retries: a refused connection fails the call at once. */
  private static Configuration quick() {
    Configuration c = new Configuration(conf);
    c.setInt("ipc.client.connect.max.retries", 0);
    return c;
  }

  private static String chain(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      s.append(c).append(" <- ");
    }
    return s.toString();
  }

  private static String describe(Throwable t) {
    return "caught: " + chain(t);
  }

  private static boolean anyCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
