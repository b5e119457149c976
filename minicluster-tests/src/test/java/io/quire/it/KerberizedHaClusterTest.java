package io.quire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.admin.AdminTool;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.minicluster.testing.HaToolRun;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.HaState;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Kerberized HA nameservice (issue 8): two NameNodes with the principal {@code nn/_HOST},
 * one DataNode reporting to both; {@code quire admin ha} runs with the caller's Kerberos login
 * (state for any user, failover for the NameNodes' superuser), and a keytab user's client fails
 * over with SASL to the new active. ZooKeeper itself is not SASL-authenticated.
 */
@Timeout(300)
class KerberizedHaClusterTest {
  private static KerberosFixture kdc;
  private static MiniQuireCluster cluster;
  private static UserGroupInformation nn;
  private static UserGroupInformation alice;

  @BeforeAll static void start() throws Exception {
    kdc = KerberosFixture.start("kerberized-ha");
    Configuration c = kdc.conf();
    c.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
    nn = kdc.login("nn", KerberosFixture.NN);
    alice = kdc.login("alice", "alice");
    cluster = KerberosFixture.as(nn,
        () -> MiniQuireCluster.builder(c).nameNodes(2).numDataNodes(1).build());
    KerberosFixture.homeOf("alice", nn, cluster, cluster.getConfiguration());
  }

  @AfterAll static void stop() {
    KerberosFixture.closeAll(cluster, kdc);
  }

  private static HaToolRun ha(UserGroupInformation who, String... args) throws Exception {
    return KerberosFixture.as(who, () -> HaToolRun.of(cluster.getConfiguration(), args));
  }

  @Test void adminToolAndClientFailoverWorkUnderKerberos() throws Exception {
    HaToolRun state = ha(alice, "state");
    assertEquals(AdminTool.EXIT_OK, state.exit(), state.err());
    assertEquals(1, state.out().split(" ACTIVE ", -1).length - 1, state.out());
    assertEquals(1, state.out().split(" STANDBY ", -1).length - 1, state.out());

    byte[] data = new byte[100_000];
    new Random(10).nextBytes(data);
    Path p = new Path("/user/alice/ha");
    KerberosFixture.as(alice, () -> {
      try (FileSystem fs = FileSystem.newInstance(cluster.getURI(), cluster.getConfiguration())) {
        try (FSDataOutputStream out = fs.create(p)) {
          out.write(data);
        }
        int active = cluster.waitForActiveNameNode();
        int target = 1 - active;
        HaToolRun refused = ha(alice, "failover", "--to", "nn" + target);
        assertThat(refused.exit()).as(refused.out()).isNotEqualTo(AdminTool.EXIT_OK);
        assertThat(refused.err()).contains("alice");
        HaToolRun failover = ha(nn, "failover", "--to", "nn" + target);
        assertEquals(AdminTool.EXIT_OK, failover.exit(), failover.out() + failover.err());
        assertEquals(HaState.ACTIVE, cluster.status(target).state());

        byte[] back = new byte[data.length];
        try (FSDataInputStream in = fs.open(p)) {
          IOUtils.readFully(in, back, 0, back.length);
        }
        assertArrayEquals(data, back, "read through the new active");
      }
      return null;
    });
  }
}
