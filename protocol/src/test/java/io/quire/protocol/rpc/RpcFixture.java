package io.quire.protocol.rpc;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.ha.HaAdminProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * A real NameNode IPC server (from {@link QuireRpc}) on a free loopback port, backed by
 * scripted fakes of its three protocols, plus the client proxies made against it.
 */
final class RpcFixture implements AutoCloseable {
  final ScriptedImpl<ClientProtocol> client = ScriptedImpl.of(ClientProtocol.class);
  final ScriptedImpl<DataNodeProtocol> datanode = ScriptedImpl.of(DataNodeProtocol.class);
  final ScriptedImpl<HaAdminProtocol> haAdmin = ScriptedImpl.of(HaAdminProtocol.class);
  final Configuration conf;
  private final RPC.Server server;
  private final List<Object> proxies = new CopyOnWriteArrayList<>();

  private RpcFixture(Configuration conf) throws IOException {
    this.conf = conf;
    this.server = QuireRpc.createNameNodeServer(conf, "127.0.0.1", 0, 2, client.proxy(),
        datanode.proxy(), haAdmin.proxy());
    server.start();
  }

  static RpcFixture start() throws IOException {
    return new RpcFixture(clientConf());
  }

  /** Client settings for tests: a dead server fails a call at once (no connect retries). */
  static Configuration clientConf() {
    Configuration conf = new Configuration();
    conf.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_KEY, 0);
    conf.setInt(
        CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_ON_SOCKET_TIMEOUTS_KEY, 0);
    return conf;
  }

  InetSocketAddress address() {
    return NetUtils.getConnectAddress(server);
  }

  ClientProtocol newClientProxy() throws IOException {
    ClientProtocol proxy = QuireRpc.createClientProxy(new Configuration(conf), address(),
        UserGroupInformation.getCurrentUser());
    proxies.add(proxy);
    return proxy;
  }

  HaAdminProtocol newHaAdminProxy() throws IOException {
    HaAdminProtocol proxy = QuireRpc.createHaAdminProxy(new Configuration(conf), address(),
        UserGroupInformation.getCurrentUser());
    proxies.add(proxy);
    return proxy;
  }

  DataNodeProtocol newDataNodeProxy() throws IOException {
    DataNodeProtocol proxy = QuireRpc.createDataNodeProxy(new Configuration(conf), address());
    proxies.add(proxy);
    return proxy;
  }

  void stopServer() {
    server.stop();
  }

  @Override
  public void close() {
    proxies.forEach(QuireRpc::stopProxy);
    server.stop();
  }
}
