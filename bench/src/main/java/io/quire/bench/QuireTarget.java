package io.quire.bench;

import io.quire.fs.QuireFileSystem;
import io.quire.minicluster.MiniQuireCluster;
import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Quire: a {@link MiniQuireCluster} with N DataNodes, replication 3. */
final class QuireTarget implements ClusterUnderTest {
  private final MiniQuireCluster cluster;
  private final File baseDir;

  QuireTarget(File baseDir, int dataNodes) throws IOException {
    this(baseDir, dataNodes, null);
  }

  /** {@code syncOnClose}: force replicas to disk when a block is finalized; null = default. */
  QuireTarget(File baseDir, int dataNodes, Boolean syncOnClose) throws IOException {
    this.baseDir = baseDir;
    Configuration conf = new Configuration();
    conf.setInt(io.quire.protocol.QuireConfigKeys.REPLICATION_KEY, 3);
    // quire-site.xml of the conf directory (on the class path) names the NameNode's HTTP port
    // 8721 of a real installation; the bench's cluster must not depend on it being free.
    conf.set(io.quire.protocol.QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY, "localhost:0");
    if (syncOnClose != null) {
      conf.setBoolean(io.quire.datanode.conf.DataNodeConfigKeys.SYNC_ON_CLOSE_KEY, syncOnClose);
    }
    cluster = MiniQuireCluster.builder(conf).numDataNodes(dataNodes).baseDir(baseDir).build();
  }

  @Override
  public File baseDir() {
    return baseDir;
  }

  @Override
  public String name() {
    return "quire";
  }

  @Override
  public FileSystem fileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  @Override
  public void allowSnapshot(Path dir, boolean allow) throws IOException {
    QuireFileSystem fs = (QuireFileSystem) cluster.getFileSystem();
    if (allow) {
      fs.allowSnapshot(dir);
    } else {
      fs.disallowSnapshot(dir);
    }
  }

  @Override
  public void close() {
    cluster.close();
  }
}
