package io.quire.fs;

import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.ha.Nameservice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.retry.FailoverProxyProvider;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameNodes a quire:// URI stands for, tried in turn by RetryProxy. The authority is either
 * {@code host[:port]} (one NameNode; port defaults to
 * {@link QuireConfigKeys#NAMENODE_RPC_PORT_DEFAULT}) or the name of an HA nameservice (its
 * NameNodes from {@code quire.namenode.ids.<ns>} and {@code quire.namenode.rpc-address.<ns>.<id>},
 * read by {@link Nameservice}). A failover goes to the next NameNode, or straight to the one a
 * StandbyException named as active ({@link #preferNext}). Proxies are made lazily, one per
 * address, by a {@link NameNodeProxyFactory}, and kept until {@link #close()}.
 */
public final class QuireFailoverProxyProvider implements FailoverProxyProvider<ClientProtocol> {
  private static final Logger LOG = LoggerFactory.getLogger(QuireFailoverProxyProvider.class);

  private final Configuration conf;
  private final UserGroupInformation ugi;
  private final NameNodeProxyFactory factory;
  private final List<InetSocketAddress> addresses;
  private final ClientProtocol[] proxies;
  private int current;
  private int preferred = -1;

  public QuireFailoverProxyProvider(Configuration conf, URI uri, UserGroupInformation ugi,
      NameNodeProxyFactory factory) throws IOException {
    this.conf = conf;
    this.ugi = ugi;
    this.factory = factory;
    this.addresses = resolveAddresses(conf, uri);
    this.proxies = new ClientProtocol[addresses.size()];
  }

  /** The NameNode addresses of {@code uri}, in the order they are tried. */
  public static List<InetSocketAddress> resolveAddresses(Configuration conf, URI uri)
      throws IOException {
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IOException("quire URI " + uri + " names no NameNode (want quire://host:port/"
          + " or quire://<nameservice>/ with " + QuireConfigKeys.NAMENODE_IDS_PREFIX
          + "<nameservice>)");
    }
    if (uri.getPort() < 0 && Nameservice.isDefined(conf, host)) {
      try {
        return Nameservice.named(conf, host).rpcAddresses();
      } catch (IllegalArgumentException e) {
        throw new IOException("quire URI " + uri + ": " + e.getMessage(), e);
      }
    }
    int port = uri.getPort() < 0 ? QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT : uri.getPort();
    return List.of(NetUtils.createSocketAddrForHost(host, port));
  }

  public List<InetSocketAddress> getAddresses() { return addresses; }

  @Override public Class<ClientProtocol> getInterface() { return ClientProtocol.class; }

  @Override public synchronized ProxyInfo<ClientProtocol> getProxy() {
    if (proxies[current] == null) {
      try {
        proxies[current] = factory.createProxy(conf, addresses.get(current), ugi);
      } catch (IOException e) {
        throw new IllegalStateException("create NameNode proxy for " + addresses.get(current)
            + ": " + e.getMessage(), e);
      }
    }
    return new ProxyInfo<>(proxies[current], addresses.get(current).toString());
  }

  /**
   * The next failover goes to the NameNode at {@code hostPort} (a StandbyException's hint of
   * the active) when it is one of ours; otherwise to the next in the list.
   */
  public synchronized void preferNext(String hostPort) {
    for (int i = 0; i < addresses.size(); i++) {
      InetSocketAddress a = addresses.get(i);
      if (hostPort.equals(a.getHostString() + ":" + a.getPort())
          || (a.getAddress() != null
              && hostPort.equals(a.getAddress().getHostAddress() + ":" + a.getPort()))) {
        preferred = i;
        return;
      }
    }
  }

  @Override public synchronized void performFailover(ClientProtocol currentProxy) {
    int next = preferred >= 0 && preferred != current ? preferred
        : (current + 1) % addresses.size();
    preferred = -1;
    if (next != current) {
      LOG.info("failing over from NameNode {} to {}", addresses.get(current),
          addresses.get(next));
    }
    current = next;
  }

  /** Index of the NameNode calls currently go to. */
  public synchronized int currentIndex() { return current; }

  @Override public synchronized void close() {
    for (int i = 0; i < proxies.length; i++) {
      if (proxies[i] != null) {
        factory.stopProxy(proxies[i]);
        proxies[i] = null;
      }
    }
  }
}
