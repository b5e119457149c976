package io.quire.datanode.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.conf.DataNodeOptions;
import io.quire.protocol.QuireConfigKeys;
import io.quire.testing.TargetDirs;
import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A DataNode asked for Kerberos refuses to start, naming the key to fix, without block access
 * tokens or without its principal; both refusals come before UGI is switched to Kerberos.
 */
@Timeout(30)
class DataNodeLoginTest {
  /** Paths that are never created: the login is refused before anything is read or made. */
  private static Configuration kerberos() {
    File nowhere = TargetDirs.base().resolve("DataNodeLoginTest").toFile();
    Configuration c = new Configuration(false);
    c.set(DataNodeConfigKeys.DATA_DIR_KEY, new File(nowhere, "data").getPath());
    c.set("hadoop.security.authentication", "kerberos");
    c.set(QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY, "dn/_HOST@EXAMPLE.COM");
    c.set(QuireConfigKeys.DATANODE_KEYTAB_FILE_KEY,
        new File(nowhere, "no-such.keytab").getPath());
    return c;
  }

  private static String refusal(Configuration c) {
    return assertThrows(IOException.class,
        () -> DataNodeLogin.login(c, DataNodeOptions.from(c).blockTokenEnabled(),
            DataNodeOptions.from(c).advertisedHost())).getMessage();
  }

  @Test
  void kerberosNeedsBlockTokens() {
    Configuration c = kerberos();
    c.setBoolean(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY, false);
    assertEquals("DataNode: hadoop.security.authentication=kerberos needs block access tokens;"
        + " set quire.block.access.token.enable=true", refusal(c));
    assertFalse(UserGroupInformation.isSecurityEnabled());
  }

  @Test
  void kerberosNeedsThePrincipal() {
    Configuration c = kerberos();
    c.unset(QuireConfigKeys.DATANODE_KERBEROS_PRINCIPAL_KEY);
    assertEquals("DataNode login: hadoop.security.authentication=kerberos needs"
        + " quire.datanode.kerberos.principal and quire.datanode.keytab.file set (principal"
        + " like service/_HOST@REALM and its keytab); quire.datanode.kerberos.principal is"
        + " unset", refusal(c));
    assertFalse(UserGroupInformation.isSecurityEnabled());
  }
}
