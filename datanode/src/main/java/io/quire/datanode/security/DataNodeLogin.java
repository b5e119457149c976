package io.quire.datanode.security;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.security.KerberosLogin;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * The user a DataNode runs as. With {@code hadoop.security.authentication=kerberos}: the
 * principal {@code quire.datanode.kerberos.principal} logged in from
 * {@code quire.datanode.keytab.file}, {@code _HOST} replaced by the DataNode's advertised host
 * name ({@code quire.datanode.hostname}, as HDFS uses dfs.datanode.hostname); block access
 * tokens must then be on. With simple authentication: the current user.
 */
public final class DataNodeLogin {
  private DataNodeLogin() {}

  /**
   * @param blockTokensEnabled the DataNode's block access token setting
   * @param host the DataNode's advertised host (for {@code _HOST} in its principal)
   * @throws IOException naming the key to set when Kerberos is on and a setting is missing
   */
  public static UserGroupInformation login(Configuration conf, boolean blockTokensEnabled,
      String host) throws IOException {
    if (KerberosLogin.isKerberos(conf) && !blockTokensEnabled) {
      throw new IOException("DataNode: hadoop.security.authentication=kerberos needs block"
          + " access tokens; set " + QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY + "=true");
    }
    return KerberosLogin.login(conf, "DataNode", QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY,
        QuireConfigKeys.DATANODE_KEYTAB_FILE_KEY, host);
  }
}
