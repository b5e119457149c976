package io.quire.protocol.rpc;

import io.quire.protocol.client.ClientProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.retry.FailoverProxyProvider;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Test failover provider: tries NameNodes in list order, one {@link QuireRpc} proxy each,
 * created on first use.
 */
final class AddressListFailoverProvider implements FailoverProxyProvider<ClientProtocol> {
  private final Configuration conf;
  private final List<InetSocketAddress> addresses;
  private final List<ClientProtocol> proxies = new ArrayList<>();
  private int current;

  AddressListFailoverProvider(Configuration conf, List<InetSocketAddress> addresses) {
    this.conf = conf;
    this.addresses = List.copyOf(addresses);
    addresses.forEach(a -> proxies.add(null));
  }

  @Override
  public synchronized ProxyInfo<ClientProtocol> getProxy() {
    if (proxies.get(current) == null) {
      try {
        proxies.set(current, QuireRpc.createClientProxy(conf, addresses.get(current),
            UserGroupInformation.getCurrentUser()));
      } catch (IOException e) {
        throw new UncheckedIOException("proxy for " + addresses.get(current), e);
      }
    }
    return new ProxyInfo<>(proxies.get(current), addresses.get(current).toString());
  }

  @Override
  public synchronized void performFailover(ClientProtocol currentProxy) {
    current = (current + 1) % addresses.size();
  }

  @Override
  public Class<ClientProtocol> getInterface() {
    return ClientProtocol.class;
  }

  @Override
  public synchronized void close() {
    proxies.forEach(QuireRpc::stopProxy);
  }
}
