package io.quire.datanode.transfer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.testing.BlockClient;
import io.quire.datanode.testing.DataNodeHarness;
import io.quire.testing.Timing;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.PipelineAck;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes on data-transfer sockets time out: a reader that stops reading, or a downstream node
 * that stops reading, does not hold a DataNode transfer thread beyond
 * {@code quire.datanode.socket.write-timeout.ms} (plus the per-node extension).
 */
class WriteTimeoutTest {
  private static final int WRITE_TIMEOUT_MS = 1000;
  private DataNodeHarness h;

  @AfterEach
  void tearDown() throws IOException {
    if (h != null) {
      h.close();
    }
  }

  /** A DataNode whose reads wait long (so only a write timeout can end a stalled transfer). */
  private DataNode start(String name) {
    h = new DataNodeHarness(name);
    Configuration c = h.conf(0);
    c.setInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY, 600_000);
    c.setInt(DataNodeConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, WRITE_TIMEOUT_MS);
    c.setInt(QuireConfigKeys.WRITE_TIMEOUT_EXTENSION_KEY, 200);
    c.setInt(DataNodeConfigKeys.SOCKET_BUFFER_SIZE_KEY, 64 * 1024);
    return h.start(c);
  }

  @Test
  void readerThatNeverReadsFreesItsTransferThread() throws Exception {
    DataNode dn = start("ReaderNeverReads");
    DataNodeId id = dn.getDataNodeId();
    Block b = new Block(4100, 1, 0);
    byte[] data = new byte[8 * 1024 * 1024];
    new Random(1).nextBytes(data);
    BlockClient.writeBlock(List.of(id), b, data);
    await().atMost(Timing.seconds(10)).until(() -> dn.getActiveTransfers() == 0);

    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(4096);
      s.connect(new InetSocketAddress(id.getHost(), id.getDataPort()));
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      new ReadBlockRequest(b.withNumBytes(data.length), 0, data.length, "stalled-reader")
          .write(out);
      out.flush();
      await().atMost(Timing.seconds(10)).until(() -> dn.getActiveTransfers() == 1);
      // never read: the DataNode's send blocks once the socket buffers are full
      await("transfer thread freed").atMost(Timing.seconds(20))
          .until(() -> dn.getActiveTransfers() == 0);
    }
    // and the DataNode still serves
    assertTrue(BlockClient.read(id, b.withNumBytes(data.length), 0, 10).response().isSuccess());
  }

  @Test
  void downstreamThatNeverReadsIsDroppedFromThePipeline() throws Exception {
    pipelineIntoStalledDownstream(start("DownstreamNeverReads"));
  }

  /**
   * With a long write timeout the stalled downstream is found by the read timeout on its acks
   * first: it is dropped then, and the forwarding blocked on it ends at once (the receiver
   * thread does not wait for the write timeout).
   */
  @Test
  void downstreamFoundDeadByItsAcksIsCutOffAtOnce() throws Exception {
    h = new DataNodeHarness("DownstreamAcksTimeOut");
    Configuration c = h.conf(0);
    c.setInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY, 1000);
    c.setInt(DataNodeConfigKeys.SOCKET_WRITE_TIMEOUT_KEY, 600_000);
    c.setInt(DataNodeConfigKeys.SOCKET_BUFFER_SIZE_KEY, 64 * 1024);
    DataNode dn = h.start(c);
    pipelineIntoStalledDownstream(dn);
    await("receiver thread freed").atMost(Timing.seconds(20))
        .until(() -> dn.getActiveTransfers() == 0);
  }

  /**
   * Writes into {@code dn} with a downstream that accepts the pipeline and never reads; returns
   * once an ack names the downstream (index 1) as failed, after closing the writer's connection.
   */
  private static void pipelineIntoStalledDownstream(DataNode dn) throws Exception {
    try (ServerSocket stalled = new ServerSocket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          Socket s = stalled.accept();
          // accept the pipeline, then never read another byte
          DataOutputStream o = new DataOutputStream(s.getOutputStream());
          OpResponse.success().write(o);
          o.flush();
          return s;
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      DataNodeId down = new DataNodeId("stalled-node", "127.0.0.1", stalled.getLocalPort());
      byte[] data = new byte[64 * 1024];
      new Random(2).nextBytes(data);
      try (BlockClient c = new BlockClient(dn.getDataNodeId())) {
        OpResponse r = c.openWrite(new Block(4200, 1, 0), List.of(down),
            BlockConstructionStage.CREATE, 1);
        assertTrue(r.isSuccess(), r.toString());
        CompletableFuture<PipelineAck> firstFailure = CompletableFuture.supplyAsync(() -> {
          try {
            while (true) {
              PipelineAck a = PipelineAck.read(c.in);
              if (a.firstFailedIndex() >= 0) {
                return a;
              }
            }
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
        // a writer thread of its own: sends may block until the DataNode gives up
        PipelineAck failed = assertTimeoutPreemptively(Timing.seconds(30), () -> {
          for (int i = 0; i < 256 && !firstFailure.isDone(); i++) {
            c.sendPacket(i * (long) data.length, data, 0, data.length, false);
          }
          return firstFailure.join();
        }, "the DataNode never gave up on its stalled downstream");
        assertEquals(1, failed.firstFailedIndex(), failed.toString());
      } finally {
        accepted.join().close();
      }
    }
  }
}
