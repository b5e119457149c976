package io.quire.namenode.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.protocol.QuireConfigKeys;
import io.quire.testing.TargetDirs;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A NameNode asked for Kerberos refuses to start, naming the key to fix, without block access
 * tokens, without a DataNode principal, or without its own principal or a readable keytab;
 * every refusal comes before UGI is switched to Kerberos. With simple authentication it is the
 * current user.
 */
@Timeout(30)
class NameNodeLoginTest {
  private static final InetSocketAddress RPC = new InetSocketAddress("localhost", 8720);
  private static final BlockTokenOptions TOKENS = new BlockTokenOptions(true, 1000, 1000);
  /** A keytab that is never created. */
  private static final String NO_KEYTAB =
      TargetDirs.base().resolve("NameNodeLoginTest/no-such.keytab").toString();

  private static Configuration kerberos() {
    Configuration c = new Configuration(false);
    c.set("hadoop.security.authentication", "kerberos");
    c.set(QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY, "nn/_HOST@EXAMPLE.COM");
    c.set(QuireConfigKeys.NAMENODE_KEYTAB_FILE_KEY, NO_KEYTAB);
    c.set(QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY, "dn/_HOST@EXAMPLE.COM");
    return c;
  }

  private static String refusal(Configuration c, BlockTokenOptions t) {
    return assertThrows(IOException.class, () -> NameNodeLogin.login(c, RPC, t)).getMessage();
  }

  @Test
  void simpleAuthenticationIsTheCurrentUser() throws IOException {
    assertEquals(UserGroupInformation.getCurrentUser(),
        NameNodeLogin.login(new Configuration(false), RPC, TOKENS));
  }

  @Test
  void kerberosNeedsBlockTokens() {
    assertEquals("NameNode: hadoop.security.authentication=kerberos needs block access"
        + " tokens; set quire.block.access.token.enable=true",
        refusal(kerberos(), new BlockTokenOptions(false, 1000, 1000)));
    assertFalse(UserGroupInformation.isSecurityEnabled());
  }

  @Test
  void kerberosNeedsTheDataNodePrincipal() {
    Configuration c = kerberos();
    c.unset(QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY);
    assertEquals("NameNode: hadoop.security.authentication=kerberos needs"
        + " quire.datanode.kerberos.principal (the principal DataNodes log in as, e.g."
        + " dn/_HOST@REALM): only it may call DataNodeProtocol", refusal(c, TOKENS));
  }

  @Test
  void kerberosNeedsThePrincipalAndAReadableKeytab() {
    Configuration c = kerberos();
    c.unset(QuireConfigKeys.NAMENODE_KERBEROS_PRINCIPAL_KEY);
    assertEquals("NameNode login: hadoop.security.authentication=kerberos needs"
        + " quire.namenode.kerberos.principal and quire.namenode.keytab.file set (principal"
        + " like service/_HOST@REALM and its keytab); quire.namenode.kerberos.principal is"
        + " unset", refusal(c, TOKENS));
    assertEquals("NameNode login: cannot read keytab " + NO_KEYTAB
        + " (quire.namenode.keytab.file)", refusal(kerberos(), TOKENS));
    assertFalse(UserGroupInformation.isSecurityEnabled());
  }
}
