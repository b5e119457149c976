package io.quire.namenode.rpc;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.security.BlockKeyManager;
import io.quire.namenode.security.DataNodeCallerCheck;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.rpc.QuireRpc;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * The NameNode's one IPC server, serving ClientProtocol ({@link ClientRpcHandler}, behind the
 * HA gate: only an active NameNode serves clients), DataNodeProtocol
 * ({@link DataNodeRpcHandler}, in every state) and HaAdminProtocol; client calls are counted
 * per method ({@link ClientCallCounts}).
 *
 * <p>Under Kerberos the server is built and started as the NameNode's principal (its listener
 * threads accept SASL/GSSAPI with that principal's keys, even when other daemons with other
 * principals share the JVM), and DataNodeProtocol calls must come from the DataNode principal.
 */
public final class NameNodeRpcServer {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(NameNodeRpcServer.class);
  private final ClientRpcHandler client;
  private final ClientCallCounts clientCalls = new ClientCallCounts();
  private final DataNodeRpcHandler datanode;
  private final RPC.Server server;
  private final UserGroupInformation serviceUser;

  /**
   * @param retryCache the at-most-once guard; the namesystem's replay fills it too
   * @param haAdmin the HA administration of this NameNode (served in every state)
   * @param blockKeys this NameNode's block keys (tokens for clients, keys for DataNodes)
   * @param serviceUser the NameNode's user (its Kerberos principal under Kerberos)
   */
  public NameNodeRpcServer(Configuration conf, Namesystem ns, CallerResolver callers,
      int layoutVersion, RetryCacheSupport retryCache, HaAdminProtocol haAdmin,
      BlockKeyManager blockKeys, UserGroupInformation serviceUser) throws IOException {
    this.serviceUser = serviceUser;
    NameNodeOptions o = ns.getOptions();
    this.client = new ClientRpcHandler(ns, retryCache, callers,
        o.packetSize(), blockKeys);
    this.datanode = new DataNodeRpcHandler(ns, layoutVersion, blockKeys,
        DataNodeCallerCheck.from(conf));
    LOG.info("NameNode RPC handlers: {}", o.handlers());
    this.server = asServiceUser(() -> QuireRpc.createNameNodeServer(conf, o.rpcBindHost(),
        o.rpcAddress().getPort(), o.handlerCount(),
        ClientCallGate.guard(ns::getHaGate, clientCalls.counting(client)), datanode, haAdmin));
  }

  public void start() throws IOException {
    asServiceUser(() -> {
      server.start();
      return null;
    });
  }

  /** Runs {@code action} as the NameNode's principal under Kerberos, directly otherwise. */
  private <T> T asServiceUser(java.security.PrivilegedExceptionAction<T> action)
      throws IOException {
    try {
      if (!UserGroupInformation.isSecurityEnabled()) {
        return action.run();
      }
      return serviceUser.doAs(action);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("NameNode RPC server start interrupted");
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("NameNode RPC server: " + e, e);
    }
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
  public DataNodeRpcHandler getDataNodeHandler() { return datanode; }
}
