package io.quire.namenode.rpc;

import io.quire.namenode.Namesystem;
import io.quire.namenode.NameNodeOptions;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.rpc.QuireRpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;

/**
 * The NameNode's one IPC server, serving ClientProtocol ({@link ClientRpcHandler}) and
 * DatanodeProtocol ({@link DatanodeRpcHandler}) with a retry cache unique to this instance;
 * client calls are counted per method ({@link ClientCallCounts}).
 */
public final class NameNodeRpcServer {
  private final ClientRpcHandler client;
  private final ClientCallCounts clientCalls = new ClientCallCounts();
  private final DatanodeRpcHandler datanode;
  private final RPC.Server server;

  public NameNodeRpcServer(Configuration conf, Namesystem ns, CallerResolver callers,
      int layoutVersion) throws IOException {
    NameNodeOptions o = ns.getOptions();
    RetryCacheSupport cache = new RetryCacheSupport(o.retryCacheHeapPercent(),
        o.retryCacheExpiryMs());
    this.client = new ClientRpcHandler(ns, cache, callers,
        conf.getInt(QuireConfigKeys.PACKET_SIZE_KEY, QuireConfigKeys.PACKET_SIZE_DEFAULT));
    this.datanode = new DatanodeRpcHandler(ns, layoutVersion);
    this.server = QuireRpc.createNameNodeServer(conf, o.rpcBindHost(),
        o.rpcAddress().getPort(), o.handlerCount(), clientCalls.counting(client), datanode);
  }

  public void start() {
    server.start();
  }

  public void stop() {
    server.stop();
  }

  /** The address clients connect to (the bound port; a wildcard bind becomes this host). */
  public InetSocketAddress getAddress() {
    return NetUtils.getConnectAddress(server);
  }

  public ClientRpcHandler getClientHandler() { return client; }
  /** Calls of each ClientProtocol method that came in over RPC to this server. */
  public ClientCallCounts getClientCallCounts() { return clientCalls; }
  public DatanodeRpcHandler getDatanodeHandler() { return datanode; }
}
