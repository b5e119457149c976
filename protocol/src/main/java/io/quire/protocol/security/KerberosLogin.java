package io.quire.protocol.security;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.UserGroupInformation.AuthenticationMethod;

/**
 * How a daemon (NameNode, DataNode) becomes its Kerberos principal, as Hadoop's
 * {@code SecurityUtil.login} does: with {@code hadoop.security.authentication=kerberos} it
 * logs in from its keytab, {@code _HOST} in the principal replaced by the daemon's host name;
 * with simple authentication (the default) it is the current user.
 *
 * <p>The daemon gets its own {@link UserGroupInformation} (several daemons share one JVM in a
 * mini cluster) and uses it for its IPC server and its proxies. A process that already logged
 * in as that principal (the global login user) keeps that login.
 */
public final class KerberosLogin {
  private KerberosLogin() {}

  /** Whether {@code conf} asks for Kerberos ({@code hadoop.security.authentication}). */
  public static boolean isKerberos(Configuration conf) {
    return SecurityUtil.getAuthenticationMethod(conf) == AuthenticationMethod.KERBEROS;
  }

  /**
   * The user a daemon runs as.
   *
   * @param daemon "NameNode" or "DataNode", for messages
   * @param host what {@code _HOST} in the principal stands for
   * @throws IOException when Kerberos is on and the principal or keytab is unset, or the login
   *     fails (message names the keys to fix)
   */
  public static UserGroupInformation login(Configuration conf, String daemon,
      String principalKey, String keytabKey, String host) throws IOException {
    if (!isKerberos(conf)) {
      return UserGroupInformation.getCurrentUser();
    }
    String pattern = conf.getTrimmed(principalKey, "");
    String keytab = conf.getTrimmed(keytabKey, "");
    if (pattern.isEmpty() || keytab.isEmpty()) {
      throw new IOException(daemon + " login: hadoop.security.authentication=kerberos needs "
          + principalKey + " and " + keytabKey + " set (principal like service/_HOST@REALM and"
          + " its keytab); " + (pattern.isEmpty() ? principalKey : keytabKey) + " is unset");
    }
    if (!new File(keytab).canRead()) {
      throw new IOException(daemon + " login: cannot read keytab " + keytab + " (" + keytabKey
          + ")");
    }
    if (!UserGroupInformation.isSecurityEnabled()) {
      UserGroupInformation.setConfiguration(conf); // as Hadoop's daemons do at start
    }
    String principal = SecurityUtil.getServerPrincipal(pattern, host);
    if (UserGroupInformation.isLoginKeytabBased()
        && principal.equals(UserGroupInformation.getLoginUser().getUserName())) {
      return UserGroupInformation.getLoginUser();
    }
    try {
      return UserGroupInformation.loginUserFromKeytabAndReturnUGI(principal, keytab);
    } catch (IOException e) {
      throw new IOException(daemon + " login as " + principal + " from keytab " + keytab
          + " failed (" + principalKey + ", " + keytabKey + "): " + e.getMessage(), e);
    }
  }
}
