package io.quire.fs;

import io.quire.protocol.client.ClientProtocol;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Hands out in-process NameNodes by port, passed to {@code new QuireFileSystem(factory)},
 * {@code new QuireFs(uri, conf, factory)} or NameNodeProxies.create. The registry is static,
 * shared by every instance (a test may open several file systems on one fake); tests register
 * and clear their fakes.
 */
public final class FakeProxyFactory implements NameNodeProxyFactory {
  static final Map<Integer, ClientProtocol> BY_PORT = new ConcurrentHashMap<>();
  static final List<Integer> CREATED = new CopyOnWriteArrayList<>();
  static final List<ClientProtocol> STOPPED = new CopyOnWriteArrayList<>();
  static volatile Configuration lastConf;

  static void reset() {
    BY_PORT.clear();
    CREATED.clear();
    STOPPED.clear();
  }

  @Override public ClientProtocol createProxy(Configuration conf, InetSocketAddress address,
      UserGroupInformation ugi) {
    CREATED.add(address.getPort());
    lastConf = conf;
    ClientProtocol p = BY_PORT.get(address.getPort());
    if (p == null) {
      throw new IllegalStateException("no fake NameNode registered for " + address);
    }
    return asIfRemote(p);
  }

  /**
   * Makes the fake's exceptions look like the ones the Quire translators rebuild from a
   * server's answer: the server's RemoteException as the cause.
   */
  static ClientProtocol asIfRemote(ClientProtocol fake) {
    return (ClientProtocol) Proxy.newProxyInstance(ClientProtocol.class.getClassLoader(),
        new Class<?>[] {ClientProtocol.class}, (proxy, m, args) -> {
          try {
            return m.invoke(fake, args);
          } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof IOException && t.getCause() == null) {
              t.initCause(new RemoteException(t.getClass().getName(), t.getMessage()));
            }
            throw t;
          }
        });
  }

  @Override public void stopProxy(ClientProtocol proxy) {
    STOPPED.add(proxy);
  }
}
