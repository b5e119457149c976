package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.rpc.QuireRpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/** NameNode proxies over Hadoop IPC (ProtobufRpcEngine2), built by {@link QuireRpc}. */
public final class QuireRpcProxyFactory implements NameNodeProxyFactory {
  @Override public ClientProtocol createProxy(Configuration conf, InetSocketAddress address,
      UserGroupInformation ugi) throws IOException {
    return QuireRpc.createClientProxy(conf, address, ugi);
  }

  @Override public void stopProxy(ClientProtocol proxy) {
    QuireRpc.stopProxy(proxy);
  }
}
