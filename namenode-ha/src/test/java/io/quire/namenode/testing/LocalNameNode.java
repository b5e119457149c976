package io.quire.namenode.testing;

import io.quire.namenode.NameNode;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import java.io.File;
import org.apache.hadoop.conf.Configuration;

/**
 * A whole NameNode in this JVM, for the tests of the server as one piece (RPC, journal,
 * restart): the configuration they start from and the start itself. Stop it with
 * {@link NameNode#stop}.
 */
public final class LocalNameNode {
  private LocalNameNode() {}

  /**
   * No defaults loaded; storage in {@code nameDir}; RPC on a free port of 127.0.0.1; a 1 KiB
   * minimum block size, so tests write small blocks. Format it with {@link NameNode#format}.
   */
  public static Configuration conf(File nameDir) {
    Configuration c = new Configuration(false);
    c.set(NameNodeConfigKeys.NAME_DIR_KEY, nameDir.getAbsolutePath());
    c.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "127.0.0.1:0");
    c.setLong(NameNodeConfigKeys.MIN_BLOCK_SIZE_KEY, 1024);
    return c;
  }

  /** Initializes and starts a NameNode on {@code conf} (formatted storage); it serves then. */
  public static NameNode start(Configuration conf) {
    NameNode n = new NameNode();
    n.init(conf);
    n.start();
    return n;
  }
}
