package io.quire.namenode.rpc;

import io.quire.namenode.Namesystem;
import io.quire.namenode.NameNodeOptions;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.security.BlockKeyManager;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.rpc.QuireRpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;

/**
 * The NameNode's one IPC server, serving ClientProtocol ({@link ClientRpcHandler}, behind the
 * HA gate: only an active NameNode serves clients), DatanodeProtocol
 * ({@link DatanodeRpcHandler}, in every state) and HaAdminProtocol; client calls are counted
 * per method ({@link ClientCallCounts}).
 */
public final class NameNodeRpcServer {
  private final ClientRpcHandler client;
  private final ClientCallCounts clientCalls = new ClientCallCounts();
  private final DatanodeRpcHandler datanode;
  private final RPC.Server server;

  /**
   * @param retryCache the at-most-once guard; the namesystem's replay fills it too
   * @param haAdmin the HA administration of this NameNode (served in every state)
   * @param blockKeys this NameNode's block keys (tokens for clients, keys for DataNodes)
   */
  public NameNodeRpcServer(Configuration conf, Namesystem ns, CallerResolver callers,
      int layoutVersion, RetryCacheSupport retryCache, HaAdminProtocol haAdmin,
      BlockKeyManager blockKeys) throws IOException {
    NameNodeOptions o = ns.getOptions();
    this.client = new ClientRpcHandler(ns, retryCache, callers,
        conf.getInt(QuireConfigKeys.PACKET_SIZE_KEY, QuireConfigKeys.PACKET_SIZE_DEFAULT),
        blockKeys);
    this.datanode = new DatanodeRpcHandler(ns, layoutVersion, blockKeys);
    this.server = QuireRpc.createNameNodeServer(conf, o.rpcBindHost(),
        o.rpcAddress().getPort(), o.handlerCount(),
        ClientCallGate.guard(ns::getHaGate, clientCalls.counting(client)), datanode, haAdmin);
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
