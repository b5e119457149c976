package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Makes plain (non-retrying) ClientProtocol proxies to one NameNode; the
 * {@link QuireFailoverProxyProvider} asks it for each address. The default is
 * {@link QuireRpcProxyFactory} (Hadoop IPC); tests pass in-process fakes to
 * {@link QuireFileSystem#QuireFileSystem(NameNodeProxyFactory)},
 * {@link QuireFs#QuireFs(java.net.URI, Configuration, NameNodeProxyFactory)} or
 * {@link NameNodeProxies#create(Configuration, java.net.URI, UserGroupInformation,
 * NameNodeProxyFactory)}. A seam for code, not a configuration key.
 */
public interface NameNodeProxyFactory {
  ClientProtocol createProxy(Configuration conf, InetSocketAddress address,
      UserGroupInformation ugi) throws IOException;

  /** Releases a proxy made by {@link #createProxy}. */
  void stopProxy(ClientProtocol proxy);
}
