package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Makes plain (non-retrying) ClientProtocol proxies to one NameNode; the
 * {@link QuireFailoverProxyProvider} asks it for each address. The default is
 * {@link QuireRpcProxyFactory} (Hadoop IPC); tests plug in-process fakes through
 * {@code quire.client.namenode.proxy-factory}. Implementations need a public no-argument
 * constructor.
 */
public interface NameNodeProxyFactory {
  ClientProtocol createProxy(Configuration conf, InetSocketAddress address,
      UserGroupInformation ugi) throws IOException;

  /** Releases a proxy made by {@link #createProxy}. */
  void stopProxy(ClientProtocol proxy);
}
