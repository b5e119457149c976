package io.quire.datanode.nnactor;

import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.rpc.QuireRpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * The production connector: Hadoop IPC (ProtobufRpcEngine2) proxies made by
 * {@link QuireRpc#createDataNodeProxy} and closed with {@link QuireRpc#stopProxy}, calling as
 * the DataNode's user (under Kerberos its principal, logged in from its keytab).
 */
public final class RpcNameNodeConnector implements NameNodeConnector {
  private final UserGroupInformation user;

  /** Calls as the current user at the time of each connection. */
  public RpcNameNodeConnector() {
    this(null);
  }

  /** @param user who calls (null: the current user at the time of each connection) */
  public RpcNameNodeConnector(UserGroupInformation user) {
    this.user = user;
  }

  @Override public DataNodeProtocol connect(Configuration conf, InetSocketAddress address)
      throws IOException {
    return QuireRpc.createDataNodeProxy(conf, address,
        user != null ? user : UserGroupInformation.getCurrentUser());
  }

  @Override public void close(DataNodeProtocol proxy) {
    QuireRpc.stopProxy(proxy);
  }
}
