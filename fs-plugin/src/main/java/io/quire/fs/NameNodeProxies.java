package io.quire.fs;

import io.quire.client.ClientConfigKeys;
import io.quire.client.FailoverOptions;
import io.quire.protocol.client.ClientProtocol;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.io.retry.RetryPolicies;
import org.apache.hadoop.io.retry.RetryPolicy;
import org.apache.hadoop.io.retry.RetryProxy;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * Builds the NameNode proxy every Quire client uses: always a RetryProxy over a
 * {@link QuireFailoverProxyProvider} with {@code failoverOnNetworkException}, even for a
 * single NameNode, so HA only adds addresses. Server answers are told from network failures
 * by {@link ServerAnswerRetryPolicy}. The proxies get a copy of the configuration with
 * ipc.client.connect.max.retries lowered, so a dead NameNode does not delay failover, and an
 * RPC timeout, so a frozen one does not hold a call forever.
 */
public final class NameNodeProxies {
  private NameNodeProxies() {}

  /** A retrying, failing-over proxy and the handle that stops its underlying proxies. */
  public record Retrying(ClientProtocol proxy, QuireFailoverProxyProvider provider)
      implements Closeable {
    @Override public void close() {
      provider.close();
    }
  }

  public static Retrying create(Configuration conf, URI uri, UserGroupInformation ugi)
      throws IOException {
    return create(conf, FailoverOptions.from(conf), uri, ugi);
  }

  /** The proxy with failover settings already read ({@link FailoverOptions#from}). */
  public static Retrying create(Configuration conf, FailoverOptions failover, URI uri,
      UserGroupInformation ugi) throws IOException {
    Configuration proxyConf = new Configuration(conf);
    proxyConf.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_KEY,
        failover.connectRetries());
    proxyConf.setInt(
        CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_ON_SOCKET_TIMEOUTS_KEY,
        failover.connectRetries());
    proxyConf.setInt(org.apache.hadoop.fs.CommonConfigurationKeys.IPC_CLIENT_RPC_TIMEOUT_KEY,
        failover.rpcTimeoutMs());
    NameNodeProxyFactory factory = newFactory(conf);
    QuireFailoverProxyProvider provider =
        new QuireFailoverProxyProvider(proxyConf, uri, ugi, factory);
    RetryPolicy policy = new ServerAnswerRetryPolicy(RetryPolicies.failoverOnNetworkException(
        RetryPolicies.TRY_ONCE_THEN_FAIL, failover.maxAttempts(), failover.sleepBaseMs(),
        failover.sleepMaxMs()), provider);
    ClientProtocol proxy = (ClientProtocol) RetryProxy.create(ClientProtocol.class, provider,
        policy);
    return new Retrying(proxy, provider);
  }

  private static NameNodeProxyFactory newFactory(Configuration conf) throws IOException {
    String name = conf.getTrimmed(ClientConfigKeys.PROXY_FACTORY_KEY,
        ClientConfigKeys.PROXY_FACTORY_DEFAULT);
    try {
      Class<? extends NameNodeProxyFactory> c =
          conf.getClassByName(name).asSubclass(NameNodeProxyFactory.class);
      return ReflectionUtils.newInstance(c, conf);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException(ClientConfigKeys.PROXY_FACTORY_KEY + " = " + name
          + " is not a loadable NameNodeProxyFactory: " + e, e);
    }
  }
}
