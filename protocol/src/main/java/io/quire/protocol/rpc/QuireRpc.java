package io.quire.protocol.rpc;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.proto.ClientNamenodeProtocolProtos.ClientNamenodeProtocol;
import io.quire.protocol.proto.DataNodeProtocolProtos.DataNodeProtocolService;
import io.quire.protocol.proto.HaAdminProtocolProtos.HaAdminProtocolService;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.thirdparty.protobuf.BlockingService;

/**
 * Builds Quire's Hadoop IPC endpoints: the one NameNode server that serves
 * {@link ClientProtocol}, {@link DataNodeProtocol} and {@link HaAdminProtocol}
 * (ProtobufRpcEngine2), and plain (non-retrying) client proxies for each. Callers that want
 * retries and failover wrap the client proxy in {@code RetryProxy} with a
 * {@code FailoverProxyProvider}; the returned proxies
 * implement {@code ProtocolTranslator}, so a retried call keeps its call id.
 *
 * <p>Every method registers ProtobufRpcEngine2 for the PB interfaces in the given
 * Configuration (as HDFS does), so that configuration object is modified.
 */
public final class QuireRpc {
  private QuireRpc() {}

  /**
   * Builds (does not start) the NameNode's IPC server. {@code port} 0 binds an ephemeral port;
   * read the bound address with {@code NetUtils.getConnectAddress(server)} or
   * {@code server.getListenerAddress()} after construction.
   */
  public static RPC.Server createNameNodeServer(Configuration conf, String bindHost, int port,
      int handlerCount, ClientProtocol clientImpl, DataNodeProtocol datanodeImpl,
      HaAdminProtocol haAdminImpl) throws IOException {
    RPC.setProtocolEngine(conf, ClientProtocolPB.class, ProtobufRpcEngine2.class);
    RPC.setProtocolEngine(conf, DataNodeProtocolPB.class, ProtobufRpcEngine2.class);
    RPC.setProtocolEngine(conf, HaAdminProtocolPB.class, ProtobufRpcEngine2.class);
    BlockingService clientService = ClientNamenodeProtocol.newReflectiveBlockingService(
        new ClientProtocolServerSideTranslatorPB(clientImpl));
    BlockingService datanodeService = DataNodeProtocolService.newReflectiveBlockingService(
        new DataNodeProtocolServerSideTranslatorPB(datanodeImpl));
    RPC.Server server = new RPC.Builder(conf)
        .setProtocol(ClientProtocolPB.class)
        .setInstance(clientService)
        .setBindAddress(bindHost)
        .setPort(port)
        .setNumHandlers(handlerCount)
        .setVerbose(false)
        .build();
    server.addProtocol(RPC.RpcKind.RPC_PROTOCOL_BUFFER, DataNodeProtocolPB.class,
        datanodeService);
    server.addProtocol(RPC.RpcKind.RPC_PROTOCOL_BUFFER, HaAdminProtocolPB.class,
        HaAdminProtocolService.newReflectiveBlockingService(
            new HaAdminProtocolServerSideTranslatorPB(haAdminImpl)));
    if (conf.getBoolean(
        org.apache.hadoop.fs.CommonConfigurationKeysPublic.HADOOP_SECURITY_AUTHORIZATION, false)) {
      server.refreshServiceAcl(conf, new QuirePolicyProvider());
    }
    return server;
  }

  /** A plain client proxy for {@link ClientProtocol} at {@code address}, calling as {@code ugi}. */
  public static ClientProtocol createClientProxy(Configuration conf, InetSocketAddress address,
      UserGroupInformation ugi) throws IOException {
    RPC.setProtocolEngine(conf, ClientProtocolPB.class, ProtobufRpcEngine2.class);
    ClientProtocolPB proxy = RPC.getProtocolProxy(ClientProtocolPB.class,
        RPC.getProtocolVersion(ClientProtocolPB.class), address, ugi, conf,
        NetUtils.getDefaultSocketFactory(conf)).getProxy();
    return new ClientProtocolTranslatorPB(proxy);
  }

  /** A plain client proxy for {@link DataNodeProtocol} at {@code address}, as the current user. */
  public static DataNodeProtocol createDataNodeProxy(Configuration conf, InetSocketAddress address)
      throws IOException {
    return createDataNodeProxy(conf, address, UserGroupInformation.getCurrentUser());
  }

  /**
   * A plain client proxy for {@link DataNodeProtocol} at {@code address}, calling as
   * {@code ugi} (under Kerberos: the DataNode's principal, logged in from its keytab).
   */
  public static DataNodeProtocol createDataNodeProxy(Configuration conf, InetSocketAddress address,
      UserGroupInformation ugi) throws IOException {
    RPC.setProtocolEngine(conf, DataNodeProtocolPB.class, ProtobufRpcEngine2.class);
    DataNodeProtocolPB proxy = RPC.getProtocolProxy(DataNodeProtocolPB.class,
        RPC.getProtocolVersion(DataNodeProtocolPB.class), address, ugi, conf,
        NetUtils.getDefaultSocketFactory(conf)).getProxy();
    return new DataNodeProtocolTranslatorPB(proxy);
  }

  /**
   * A plain proxy for {@link HaAdminProtocol} of the one NameNode at {@code address}, calling
   * as {@code ugi} (never through failover: HA administration addresses one NameNode).
   */
  public static HaAdminProtocol createHaAdminProxy(Configuration conf, InetSocketAddress address,
      UserGroupInformation ugi) throws IOException {
    RPC.setProtocolEngine(conf, HaAdminProtocolPB.class, ProtobufRpcEngine2.class);
    HaAdminProtocolPB proxy = RPC.getProtocolProxy(HaAdminProtocolPB.class,
        RPC.getProtocolVersion(HaAdminProtocolPB.class), address, ugi, conf,
        NetUtils.getDefaultSocketFactory(conf)).getProxy();
    return new HaAdminProtocolTranslatorPB(proxy);
  }

  /**
   * Closes a proxy made here, or a RetryProxy around one (its FailoverProxyProvider closes the
   * proxies it made): stops the IPC connection. Null is ignored.
   */
  public static void stopProxy(Object proxy) {
    if (proxy != null) {
      RPC.stopProxy(proxy);
    }
  }
}
