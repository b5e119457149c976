package io.quire.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.client.ClientConfigKeys;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.client.ClientProtocol;
import io.quire.testing.FakeNameNode;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.StandbyException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuireFailoverProxyProviderTest {
  @AfterEach
  void clear() {
    FakeProxyFactory.reset();
  }

  private static Configuration conf() {
    Configuration conf = new Configuration(false);
    conf.setLong(ClientConfigKeys.FAILOVER_SLEEP_BASE_KEY, 1);
    conf.setLong(ClientConfigKeys.FAILOVER_SLEEP_MAX_KEY, 5);
    return conf;
  }

  /** A NameNode that answers every call with StandbyException. */
  private static ClientProtocol standby() {
    return (ClientProtocol) Proxy.newProxyInstance(ClientProtocol.class.getClassLoader(),
        new Class<?>[] {ClientProtocol.class}, (p, m, a) -> {
          throw new StandbyException("Operation category READ is not supported in state standby");
        });
  }

  @Test
  void authorityWithPortNamesOneNameNode() throws IOException {
    List<InetSocketAddress> a = QuireFailoverProxyProvider.resolveAddresses(conf(),
        URI.create("quire://localhost:9999/"));
    assertEquals(1, a.size());
    assertEquals(9999, a.get(0).getPort());
    assertEquals("localhost", a.get(0).getHostName());
  }

  @Test
  void authorityWithoutPortUsesTheDefaultPort() throws IOException {
    List<InetSocketAddress> a = QuireFailoverProxyProvider.resolveAddresses(conf(),
        URI.create("quire://localhost/"));
    assertEquals(QuireConfigKeys.NAMENODE_RPC_PORT_DEFAULT, a.get(0).getPort());
  }

  @Test
  void logicalNameListsItsNameNodes() throws IOException {
    Configuration conf = conf();
    conf.set("quire.namenode.ids.prod", "nn1, nn2");
    conf.set("quire.namenode.rpc-address.prod.nn1", "localhost:1001");
    conf.set("quire.namenode.rpc-address.prod.nn2", "localhost:1002");
    List<InetSocketAddress> a = QuireFailoverProxyProvider.resolveAddresses(conf,
        URI.create("quire://prod/"));
    assertEquals(List.of(1001, 1002), a.stream().map(InetSocketAddress::getPort).toList());
  }

  @Test
  void uriWithoutHostIsRejected() {
    IOException e = assertThrows(IOException.class, () ->
        QuireFailoverProxyProvider.resolveAddresses(conf(), URI.create("quire:///x")));
    assertTrue(e.getMessage().contains("quire:///x"));
  }

  @Test
  void retryProxyFailsOverFromAStandbyToTheActive() throws IOException {
    Configuration conf = conf();
    conf.set("quire.namenode.ids.ha", "a,b");
    conf.set("quire.namenode.rpc-address.ha.a", "localhost:2001");
    conf.set("quire.namenode.rpc-address.ha.b", "localhost:2002");
    FakeNameNode active = new FakeNameNode(List.of());
    FakeProxyFactory.BY_PORT.put(2001, standby());
    FakeProxyFactory.BY_PORT.put(2002, active);
    NameNodeProxies.Retrying r = NameNodeProxies.create(conf, URI.create("quire://ha/"),
        UserGroupInformation.getCurrentUser(),
        new FakeProxyFactory());
    assertNotNull(r.proxy().getFileInfo("/"));
    assertEquals(1, r.provider().currentIndex());
    assertEquals(1, active.calls("getFileInfo"));
    r.close();
    assertEquals(2, FakeProxyFactory.STOPPED.size());
  }

  @Test
  void aStandbyNamingTheActiveSendsTheFailoverStraightThere() throws IOException {
    Configuration conf = conf();
    conf.set("quire.namenode.ids.three", "a,b,c");
    conf.set("quire.namenode.rpc-address.three.a", "localhost:2011");
    conf.set("quire.namenode.rpc-address.three.b", "localhost:2012");
    conf.set("quire.namenode.rpc-address.three.c", "localhost:2013");
    FakeNameNode active = new FakeNameNode(List.of());
    FakeProxyFactory.BY_PORT.put(2011, (ClientProtocol) Proxy.newProxyInstance(
        ClientProtocol.class.getClassLoader(), new Class<?>[] {ClientProtocol.class},
        (p, m, a) -> {
          throw new StandbyException("Operation getFileInfo is not supported in state STANDBY"
              + " (NameNode a) [active: localhost:2013]");
        }));
    FakeProxyFactory.BY_PORT.put(2012, (ClientProtocol) Proxy.newProxyInstance(
        ClientProtocol.class.getClassLoader(), new Class<?>[] {ClientProtocol.class},
        (p, m, a) -> {
          throw new AssertionError("b was called although a named c as the active");
        }));
    FakeProxyFactory.BY_PORT.put(2013, active);
    NameNodeProxies.Retrying r = NameNodeProxies.create(conf, URI.create("quire://three/"),
        UserGroupInformation.getCurrentUser(),
        new FakeProxyFactory());
    assertNotNull(r.proxy().getFileInfo("/"));
    assertEquals(2, r.provider().currentIndex());
    r.close();
  }

  @Test
  void failoverGivesUpAfterTheConfiguredAttempts() throws IOException {
    Configuration conf = conf();
    conf.setInt(ClientConfigKeys.FAILOVER_MAX_ATTEMPTS_KEY, 3);
    FakeProxyFactory.BY_PORT.put(2003, standby());
    NameNodeProxies.Retrying r = NameNodeProxies.create(conf,
        URI.create("quire://localhost:2003/"), UserGroupInformation.getCurrentUser(),
        new FakeProxyFactory());
    assertThrows(StandbyException.class, () -> r.proxy().getFileInfo("/"));
    r.close();
  }

  @Test
  void proxiesUseALoweredConnectRetryCount() throws IOException {
    Configuration conf = conf();
    conf.setInt("ipc.client.connect.max.retries", 10);
    conf.setInt(ClientConfigKeys.IPC_CONNECT_RETRIES_KEY, 0);
    FakeProxyFactory.BY_PORT.put(2004, new FakeNameNode(List.of()));
    NameNodeProxies.Retrying r = NameNodeProxies.create(conf,
        URI.create("quire://localhost:2004/"), UserGroupInformation.getCurrentUser(),
        new FakeProxyFactory());
    r.proxy().getFileInfo("/");
    r.close();
    assertEquals(List.of(2004), FakeProxyFactory.CREATED);
    assertEquals(0, FakeProxyFactory.lastConf.getInt("ipc.client.connect.max.retries", -1));
    assertEquals(0,
        FakeProxyFactory.lastConf.getInt("ipc.client.connect.max.retries.on.timeouts", -1));
    assertEquals(10, conf.getInt("ipc.client.connect.max.retries", -1), "caller's conf untouched");
  }

  @Test
  void aServerAnswerIsNotRetriedAsANetworkFailure() throws IOException {
    FakeNameNode nn = new FakeNameNode(List.of());
    FakeProxyFactory.BY_PORT.put(2005, nn);
    NameNodeProxies.Retrying r = NameNodeProxies.create(conf(),
        URI.create("quire://localhost:2005/"), UserGroupInformation.getCurrentUser(),
        new FakeProxyFactory());
    assertThrows(java.io.FileNotFoundException.class, () -> r.proxy().rename("/missing", "/x",
        io.quire.protocol.types.RenameMode.INTO_DIRECTORY));
    assertEquals(1, nn.calls("rename"));
    r.close();
  }
}
