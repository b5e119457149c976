package io.quire.it;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.protocol.QuireConfigKeys;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.authentication.util.KerberosName;

/**
 * A MiniKdc (Apache Kerby, in this JVM) for one test class, with the principals of a secure
 * mini cluster: {@code nn/localhost} and {@code dn/localhost} for the daemons (configured as
 * {@code nn/_HOST}, {@code dn/_HOST}), and the users {@code alice} and {@code bob}, each with
 * a keytab under target/. {@link #start} switches this JVM's UGI to Kerberos; {@link #close}
 * switches it back to simple authentication (UGI's state is static and surefire reuses the
 * fork for later test classes).
 */
final class KerberosFixture implements AutoCloseable {
  static final String NN = "nn/localhost";
  static final String DN = "dn/localhost";

  private final MiniKdc kdc;
  private final File dir;
  private final Configuration conf = new Configuration();

  private KerberosFixture(MiniKdc kdc, File dir) {
    this.kdc = kdc;
    this.dir = dir;
  }

  /** Starts the KDC, makes the principals and keytabs, and turns Kerberos on in UGI. */
  static KerberosFixture start(String name) throws Exception {
    File dir = TargetDirs.freshFile(KerberosFixture.class, name);
    MiniKdc kdc = new MiniKdc(MiniKdc.createConf(), dir);
    kdc.start();
    KerberosFixture f = new KerberosFixture(kdc, dir);
    try {
      kdc.createPrincipal(f.keytab("nn"), NN);
      kdc.createPrincipal(f.keytab("dn"), DN);
      kdc.createPrincipal(f.keytab("alice"), "alice");
      kdc.createPrincipal(f.keytab("bob"), "bob");
      KerberosName.resetDefaultRealm();
      Configuration c = f.conf;
      c.set(CommonConfigurationKeysPublic.HADOOP_SECURITY_AUTHENTICATION, "kerberos");
      c.set(QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY, "nn/_HOST@" + kdc.getRealm());
      c.set(QuireConfigKeys.NAMENODE_KEYTAB_FILE_KEY, f.keytab("nn").getPath());
      c.set(QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY, "dn/_HOST@" + kdc.getRealm());
      c.set(QuireConfigKeys.DATANODE_KEYTAB_FILE_KEY, f.keytab("dn").getPath());
      UserGroupInformation.reset();
      UserGroupInformation.setConfiguration(c);
      return f;
    } catch (Exception | Error e) {
      f.close();
      throw e;
    }
  }

  /** A configuration with Kerberos on and the daemons' principals and keytabs (a copy). */
  Configuration conf() {
    return new Configuration(conf);
  }

  String realm() {
    return kdc.getRealm();
  }

  File keytab(String who) {
    return new File(dir, who + ".keytab");
  }

  /** {@code principal} logged in from its keytab (a UGI of its own; the login user is kept). */
  UserGroupInformation login(String who, String principal) throws Exception {
    return UserGroupInformation.loginUserFromKeytabAndReturnUGI(
        principal + "@" + kdc.getRealm(), keytab(who).getPath());
  }

  /** Runs {@code action} as {@code ugi}, rethrowing what it throws. */
  static <T> T as(UserGroupInformation ugi, PrivilegedExceptionAction<T> action)
      throws Exception {
    return ugi.doAs(action);
  }

  /** Stops the KDC and puts UGI back to simple authentication for the rest of the fork. */
  @Override public void close() {
    try {
      kdc.stop();
    } finally {
      UserGroupInformation.reset();
      UserGroupInformation.setConfiguration(new Configuration());
      FileUtil.fullyDelete(dir);
    }
  }

  /** As {@code admin}: makes {@code /user/<user>} and gives it to {@code user}. */
  static void homeOf(String user, UserGroupInformation admin, MiniQuireCluster cluster,
      Configuration conf) throws Exception {
    as(admin, () -> {
      try (FileSystem fs = FileSystem.newInstance(cluster.getURI(), conf)) {
        Path home = new Path("/user/" + user);
        fs.mkdirs(home);
        fs.setOwner(home, user, user);
      }
      return null;
    });
  }

  /** Closes the cluster, then the KDC (either may be null: a failed start). */
  static void closeAll(MiniQuireCluster cluster, KerberosFixture kdc) {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (kdc != null) {
        kdc.close();
      }
    }
  }
}
