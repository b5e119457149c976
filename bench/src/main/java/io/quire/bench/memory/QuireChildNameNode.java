package io.quire.bench.memory;

import io.quire.namenode.NameNode;
import io.quire.namenode.conf.NameNodeConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * Quire's NameNode with its defaults (journal fsynced per mutation, block tokens on), on
 * 127.0.0.1:{@code port}, HTTP on a free port, the retry cache's expiry as given (see
 * {@link MemoryBenchMain}); checkpoints with {@code saveCheckpointNow}.
 */
final class QuireChildNameNode implements ChildNameNode {
  private final Configuration conf = new Configuration();
  private final File nameDir;
  private NameNode nn;

  QuireChildNameNode(File nameDir, int port, long retryCacheExpiryMs) {
    this.nameDir = nameDir;
    conf.set(NameNodeConfigKeys.NAME_DIR_KEY, nameDir.getAbsolutePath());
    conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY, "127.0.0.1:" + port);
    conf.set(QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY, "127.0.0.1:0");
    conf.setInt(QuireConfigKeys.REPLICATION_KEY, 3);
    conf.setLong(NameNodeConfigKeys.SAFEMODE_EXTENSION_KEY, 0);
    conf.setLong(NameNodeConfigKeys.RETRY_CACHE_EXPIRY_KEY, retryCacheExpiryMs);
  }

  @Override public void format() throws IOException {
    NameNode.format(conf, true);
  }

  @Override public void start() throws IOException {
    nn = new NameNode();
    nn.init(conf);
    nn.start();
    if (nn.getFailureCause() != null) {
      throw new IOException("Quire NameNode failed to start", nn.getFailureCause());
    }
  }

  @Override public long checkpoint() throws IOException {
    long txId = nn.getCheckpointer().saveCheckpointNow();
    // ImageFormat's file name (package-private there): fsimage_ and the txid in 19 digits
    String name = String.format("fsimage_%019d", txId);
    try (Stream<Path> files = Files.walk(nameDir.toPath())) {
      Path image = files.filter(p -> p.getFileName().toString().equals(name)).findFirst()
          .orElseThrow(() -> new IOException("checkpoint at txid " + txId + ": no " + name
              + " under " + nameDir));
      return Files.size(image);
    }
  }

  @Override public void stop() {
    if (nn != null) {
      nn.stop();
    }
  }
}
