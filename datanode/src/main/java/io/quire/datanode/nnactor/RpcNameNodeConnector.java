package io.quire.datanode.nnactor;

import io.quire.protocol.datanode.DatanodeProtocol;
import io.quire.protocol.rpc.QuireRpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;

/**
 * The production connector: Hadoop IPC (ProtobufRpcEngine2) proxies made by
 * {@link QuireRpc#createDatanodeProxy} and closed with {@link QuireRpc#stopProxy}.
 */
public final class RpcNameNodeConnector implements NameNodeConnector {
  @Override public DatanodeProtocol connect(Configuration conf, InetSocketAddress address)
      throws IOException {
    return QuireRpc.createDatanodeProxy(conf, address);
  }

  @Override public void close(DatanodeProtocol proxy) {
    QuireRpc.stopProxy(proxy);
  }
}
