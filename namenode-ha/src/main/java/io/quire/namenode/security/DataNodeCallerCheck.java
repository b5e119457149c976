package io.quire.namenode.security;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.security.KerberosLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Who may call DataNodeProtocol. Under Kerberos: only the DataNode principal
 * ({@code quire.datanode.kerberos.principal}), {@code _HOST} standing for the caller's host
 * (its address's canonical name), exactly the check Hadoop's service authorization makes for
 * HDFS's DatanodeProtocol, but made whether or not {@code hadoop.security.authorization} is on.
 * A user with a valid ticket that is not that principal is refused with
 * AccessControlException. With simple authentication everyone may (the user name is only the
 * caller's claim; service-level ACLs still apply). In-process calls (no IPC caller) pass.
 */
public final class DataNodeCallerCheck {
  /** Checks nothing (simple authentication). */
  public static final DataNodeCallerCheck NONE = new DataNodeCallerCheck(null);

  private final String principalPattern;
  /**
   * The expected principal per caller address: resolving {@code _HOST} looks up the caller's
   * canonical host name, which must not cost a DNS query on every heartbeat and report. One
   * entry per DataNode address.
   */
  private final Map<InetAddress, String> expectedByAddress = new ConcurrentHashMap<>();

  private DataNodeCallerCheck(String principalPattern) {
    this.principalPattern = principalPattern;
  }

  /** The check {@code conf} asks for (NameNodeLogin made sure the key is set under Kerberos). */
  public static DataNodeCallerCheck from(Configuration conf) {
    return KerberosLogin.isKerberos(conf)
        ? new DataNodeCallerCheck(conf.getTrimmed(QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY))
        : NONE;
  }

  private String principalFor(InetAddress from) {
    try {
      return SecurityUtil.getServerPrincipal(principalPattern, from);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param op the DataNodeProtocol method, for the message
   * @throws AccessControlException when the IPC caller is not the DataNode principal
   */
  public void check(String op) throws IOException {
    if (principalPattern == null) {
      return;
    }
    UserGroupInformation caller = Server.getRemoteUser();
    if (caller == null) {
      return;
    }
    InetAddress from = Server.getRemoteIp();
    String expected;
    try {
      expected = from == null ? SecurityUtil.getServerPrincipal(principalPattern, from)
          : expectedByAddress.computeIfAbsent(from, this::principalFor);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!expected.equals(caller.getUserName())) {
      throw new AccessControlException(op + ": caller " + caller.getUserName() + " from "
          + (from == null ? "?" : from.getHostAddress()) + " is not the DataNode principal "
          + expected + " (" + QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY
          + "); only DataNodes may call DataNodeProtocol");
    }
  }
}
