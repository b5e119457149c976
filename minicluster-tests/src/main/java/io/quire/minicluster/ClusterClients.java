package io.quire.minicluster;

import io.quire.fs.NameNodeProxies;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.rpc.QuireRpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients a {@link MiniQuireCluster} caches for its tests: one FileSystem, and one
 * ClientProtocol proxy (direct to a single NameNode, dropped when it stops; in HA the
 * nameservice's failing-over proxy). Not thread-safe: the cluster calls it under its lock.
 */
final class ClusterClients {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterClients.class);

  private FileSystem fileSystem;
  private ClientProtocol direct;
  private NameNodeProxies.Retrying failover;

  FileSystem fileSystem(URI uri, Configuration conf) throws IOException {
    if (fileSystem == null) {
      fileSystem = FileSystem.newInstance(uri, conf);
    }
    return fileSystem;
  }

  /** The failing-over proxy of nameservice {@code uri}, created once. */
  ClientProtocol failover(URI uri, Configuration conf) throws IOException {
    if (failover == null) {
      failover = NameNodeProxies.create(conf, uri, UserGroupInformation.getCurrentUser());
    }
    return failover.proxy();
  }

  /** A plain proxy to the NameNode at {@code address}, created once until {@link #dropDirect}. */
  ClientProtocol direct(InetSocketAddress address, Configuration conf) throws IOException {
    if (direct == null) {
      direct = QuireRpc.createClientProxy(conf, address, UserGroupInformation.getCurrentUser());
    }
    return direct;
  }

  /** Stops the direct proxy (its connection dies with its NameNode). */
  void dropDirect() {
    if (direct != null) {
      QuireRpc.stopProxy(direct);
      direct = null;
    }
  }

  void close() {
    if (fileSystem != null) {
      try {
        fileSystem.close();
      } catch (IOException e) {
        LOG.warn("closing mini cluster file system", e);
      }
      fileSystem = null;
    }
    dropDirect();
    if (failover != null) {
      failover.close();
      failover = null;
    }
  }
}
