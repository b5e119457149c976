package io.quire.namenode.security;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.security.KerberosLogin;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.HadoopKerberosName;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * The user a NameNode runs as. With {@code hadoop.security.authentication=kerberos}: the
 * principal {@code quire.namenode.kerberos.principal} logged in from
 * {@code quire.namenode.keytab.file}, {@code _HOST} replaced by the host of the NameNode's RPC
 * address (as HDFS's NameNode does); the NameNode then also insists on block access tokens and
 * on a DataNode principal to check DataNodeProtocol callers against, as HDFS refuses to start
 * a secure NameNode without block tokens. With simple authentication: the current user.
 */
public final class NameNodeLogin {
  private NameNodeLogin() {}

  /** @throws IOException naming the key to set when Kerberos is on and a setting is missing */
  public static UserGroupInformation login(Configuration conf, InetSocketAddress rpcAddress,
      BlockTokenOptions tokens) throws IOException {
    if (KerberosLogin.isKerberos(conf)) {
      if (!tokens.enabled()) {
        throw new IOException("NameNode: hadoop.security.authentication=kerberos needs block"
            + " access tokens; set " + QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY + "=true");
      }
      if (conf.getTrimmed(QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY, "").isEmpty()) {
        throw new IOException("NameNode: hadoop.security.authentication=kerberos needs "
            + QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY + " (the principal DataNodes"
            + " log in as, e.g. dn/_HOST@REALM): only it may call DataNodeProtocol");
      }
    }
    return KerberosLogin.login(conf, "NameNode", QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY,
        QuireConfigKeys.NAMENODE_KEYTAB_FILE_KEY, rpcAddress.getHostString());
  }

  /**
   * The NameNode's user name without logging in (format makes it the owner of the root
   * directory, as HDFS does): under Kerberos the short name of its principal
   * ({@code hadoop.security.auth_to_local}), else the current user's.
   */
  public static String userName(Configuration conf, InetSocketAddress rpcAddress)
      throws IOException {
    if (!KerberosLogin.isKerberos(conf)) {
      return UserGroupInformation.getCurrentUser().getShortUserName();
    }
    String pattern = conf.getTrimmed(QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY, "");
    if (pattern.isEmpty()) {
      throw new IOException("NameNode: hadoop.security.authentication=kerberos needs "
          + QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY + " (e.g. nn/_HOST@REALM)");
    }
    HadoopKerberosName.setConfiguration(conf);
    return new HadoopKerberosName(SecurityUtil.getServerPrincipal(pattern,
        rpcAddress.getHostString())).getShortName();
  }
}
