package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Status;
import io.quire.protocol.types.DataNodeId;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Turning a connection away takes bounded time however the peer behaves: a peer that keeps
 * trickling bytes after its refusal holds neither the refuser thread (the next refused
 * connection still gets its answer) nor a transfer thread (after a malformed request).
 */
class RefusalDeadlineTest {
  private DataNodeHarness h;
  private Thread trickler;

  @AfterEach
  void tearDown() throws Exception {
    if (trickler != null) {
      trickler.interrupt();
      trickler.join(10_000);
    }
    if (h != null) {
      h.close();
    }
  }

  private DataNode start(String name, int threads) {
    h = new DataNodeHarness(name);
    Configuration c = h.conf(0);
    c.setInt(DataNodeConfigKeys.TRANSFER_THREADS_KEY, threads);
    c.setInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY, 120_000);
    return h.start(c);
  }

  /** Sends one byte every 50 ms on {@code s} until interrupted or the connection breaks. */
  private void trickle(Socket s) {
    trickler = new Thread(() -> {
      try (s) {
        OutputStream out = s.getOutputStream();
        while (!Thread.currentThread().isInterrupted()) {
          out.write(0);
          out.flush();
          TimeUnit.MILLISECONDS.sleep(50);
        }
      } catch (IOException | InterruptedException e) {
        // the DataNode cut us off, or the test is over
      }
    }, "trickler");
    trickler.setDaemon(true);
    trickler.start();
  }

  private static Socket connect(DataNodeId id) throws IOException {
    Socket s = new Socket(id.getHost(), id.getDataPort());
    s.setSoTimeout((int) Timing.seconds(15).toMillis());
    return s;
  }

  @Test
  void tricklingRefusedPeerDoesNotHoldTheRefuser() throws Exception {
    DataNode dn = start("TricklingRefused", 1);
    DataNodeId id = dn.getDataNodeId();
    try (Socket busy = connect(id)) {
      // the only transfer thread waits for this connection's request
      await().atMost(Timing.seconds(10)).until(() -> dn.getActiveTransfers() == 1);
      Socket slow = connect(id);
      trickle(slow);
      OpResponse first = OpResponse.read(new DataInputStream(slow.getInputStream()));
      assertEquals(Status.ERROR, first.getStatus());
      try (Socket next = connect(id)) {
        OpResponse r = OpResponse.read(new DataInputStream(next.getInputStream()));
        assertEquals(Status.ERROR, r.getStatus());
        assertTrue(r.getMessage().contains("DataNode busy"), r.getMessage());
      }
    }
  }

  @Test
  void tricklingPeerAfterAMalformedRequestFreesItsThread() throws Exception {
    DataNode dn = start("TricklingMalformed", 16);
    Socket s = connect(dn.getDataNodeId());
    s.getOutputStream().write(new byte[] {0, 42, 81});
    s.getOutputStream().flush();
    OpResponse r = OpResponse.read(new DataInputStream(s.getInputStream()));
    assertEquals(Status.ERROR_INVALID, r.getStatus());
    trickle(s);
    await("transfer thread freed").atMost(Timing.seconds(15))
        .until(() -> dn.getActiveTransfers() == 0);
  }
}
