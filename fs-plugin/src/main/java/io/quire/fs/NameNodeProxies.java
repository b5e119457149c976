package io.quire.fs;

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

  /** The proxy over Hadoop IPC ({@link QuireRpcProxyFactory}). */
  public static Retrying create(Configuration conf, URI uri, UserGroupInformation ugi)
      throws IOException {
    return create(conf, FailoverOptions.from(conf), uri, ugi, new QuireRpcProxyFactory());
  }

  /** The proxy over the plain proxies {@code factory} makes (in-process fakes in tests). */
  public static Retrying create(Configuration conf, URI uri, UserGroupInformation ugi,
      NameNodeProxyFactory factory) throws IOException {
    return create(conf, FailoverOptions.from(conf), uri, ugi, factory);
  }

  /**
   * The proxy with failover settings already read ({@link FailoverOptions#from}), over the
   * plain proxies {@code factory} makes.
   */
  public static Retrying create(Configuration conf, FailoverOptions failover, URI uri,
      UserGroupInformation ugi, NameNodeProxyFactory factory) throws IOException {
    Configuration proxyConf = new Configuration(conf);
    proxyConf.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_KEY,
        failover.connectRetries());
    proxyConf.setInt(
        CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_ON_SOCKET_TIMEOUTS_KEY,
        failover.connectRetries());
    proxyConf.setInt(org.apache.hadoop.fs.CommonConfigurationKeys.IPC_CLIENT_RPC_TIMEOUT_KEY,
        failover.rpcTimeoutMs());
    QuireFailoverProxyProvider provider =
        new QuireFailoverProxyProvider(proxyConf, uri, ugi, factory);
    RetryPolicy policy = new ServerAnswerRetryPolicy(RetryPolicies.failoverOnNetworkException(
        RetryPolicies.TRY_ONCE_THEN_FAIL, failover.maxAttempts(), failover.sleepBaseMs(),
        failover.sleepMaxMs()), provider);
    ClientProtocol proxy = (ClientProtocol) RetryProxy.create(ClientProtocol.class, provider,
        policy);
    return new Retrying(proxy, provider);
  }
}
