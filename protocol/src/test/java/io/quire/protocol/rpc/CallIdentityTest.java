package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.DeepEquals.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.RenameMode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.io.retry.RetryPolicies;
import org.apache.hadoop.io.retry.RetryPolicy;
import org.apache.hadoop.io.retry.RetryProxy;
import org.apache.hadoop.ipc.ClientId;
import org.apache.hadoop.ipc.RetriableException;
import org.apache.hadoop.ipc.StandbyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The IPC call identity the NameNode's RetryCache needs: the server implementation sees a
 * client id and call id, and a call repeated by RetryProxy (retry or failover) carries the
 * same ones.
 */
class CallIdentityTest {
  private final RpcFixture nn1;
  private final RpcFixture nn2;

  CallIdentityTest() throws IOException {
    nn1 = RpcFixture.start();
    nn2 = RpcFixture.start();
  }

  @AfterEach
  void stopServers() {
    nn1.close();
    nn2.close();
  }

  private static RetryPolicy failoverPolicy() {
    return RetryPolicies.failoverOnNetworkException(RetryPolicies.TRY_ONCE_THEN_FAIL, 4, 4, 1,
        5);
  }

  private ClientProtocol retryingClient(RpcFixture... servers) {
    return retryingClient(Arrays.stream(servers).map(RpcFixture::address).toList());
  }

  private ClientProtocol retryingClient(List<InetSocketAddress> addresses) {
    return (ClientProtocol) RetryProxy.create(ClientProtocol.class,
        new AddressListFailoverProvider(RpcFixture.clientConf(), addresses), failoverPolicy());
  }

  @Test
  void serverSeesClientIdAndCallId() throws IOException {
    ClientProtocol client = nn1.newClientProxy();
    nn1.client.returns("delete", true);
    client.delete("/a", false);
    client.delete("/b", false);
    List<ScriptedImpl.Call> calls = nn1.client.calls("delete");
    assertEquals(ClientId.BYTE_LENGTH, calls.get(0).clientId().length);
    assertArrayEquals(calls.get(0).clientId(), calls.get(1).clientId());
    assertTrue(calls.get(0).callId() >= 0, "call id " + calls.get(0).callId());
    assertNotEquals(calls.get(0).callId(), calls.get(1).callId());
  }

  @Test
  void retryOnSameServerKeepsCallId() throws IOException {
    AtomicInteger attempts = new AtomicInteger();
    nn1.client.answer("create", args -> {
      if (attempts.incrementAndGet() == 1) {
        throw new RetriableException("create: /f: retry later");
      }
      return Samples.file("/f");
    });
    ClientProtocol client = retryingClient(nn1);
    try {
      assertDeepEquals(Samples.file("/f"),
          client.create("/f", (short) 0644, "c1", false, true, (short) 3, 1024));
      List<ScriptedImpl.Call> calls = nn1.client.calls("create");
      assertEquals(2, calls.size());
      assertEquals(calls.get(0).callId(), calls.get(1).callId());
      assertArrayEquals(calls.get(0).clientId(), calls.get(1).clientId());
      assertEquals(0, calls.get(0).retryCount());
      assertEquals(1, calls.get(1).retryCount());
    } finally {
      QuireRpc.stopProxy(client);
    }
  }

  @Test
  void failoverFromStandbyKeepsCallId() throws IOException {
    nn1.client.fails("rename", new StandbyException("rename: nn1 is standby"));
    ClientProtocol client = retryingClient(nn1, nn2);
    try {
      client.rename("/s", "/d", RenameMode.NO_OVERWRITE);
      ScriptedImpl.Call onStandby = nn1.client.lastCall("rename");
      ScriptedImpl.Call onActive = nn2.client.lastCall("rename");
      assertEquals(onStandby.callId(), onActive.callId());
      assertArrayEquals(onStandby.clientId(), onActive.clientId());
      assertEquals(List.of("/s", "/d", RenameMode.NO_OVERWRITE), onActive.args());
    } finally {
      QuireRpc.stopProxy(client);
    }
  }

  @Test
  void failoverFromDeadServerReachesTheOther() throws IOException {
    List<InetSocketAddress> addresses = List.of(nn1.address(), nn2.address());
    nn1.stopServer();
    nn2.client.returns("delete", true);
    ClientProtocol client = retryingClient(addresses);
    try {
      assertTrue(client.delete("/x", true));
      assertEquals(1, nn2.client.calls("delete").size());
    } finally {
      QuireRpc.stopProxy(client);
    }
  }
}
