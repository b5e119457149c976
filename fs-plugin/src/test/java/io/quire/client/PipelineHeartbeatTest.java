package io.quire.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quire.testing.FakeCluster;
import io.quire.testing.FakeDataNode;
import io.quire.testing.TestData;
import io.quire.testing.Timing;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An idle write pipeline against DataNodes that close connections idle for
 * {@link #IDLE_MS}: heartbeats every half client socket timeout keep it open.
 */
class PipelineHeartbeatTest {
  private static final int IDLE_MS = 400;
  private static final int BLOCK = 128 * 1024;
  private FakeCluster cluster;
  private QuireClient client;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(2);
    for (FakeDataNode dn : cluster.datanodes) {
      dn.idleTimeoutMs(IDLE_MS);
    }
  }

  @AfterEach
  void tearDown() throws IOException {
    if (client != null) {
      client.close();
    }
    cluster.close();
  }

  /** No recovery allowed: a pipeline closed by a DataNode fails the write. */
  private QuireClient client(int socketTimeoutMs) {
    client = new QuireClient(cluster.namenode, ClientOptions.builder().retryInitialDelayMs(1)
        .socketTimeoutMs(socketTimeoutMs).pipelineRecoveryRetries(0).build(), "hb-client", null);
    return client;
  }

  @Test
  void idlePipelineSurvivesSeveralDataNodeTimeoutsThroughHeartbeats() throws IOException {
    byte[] data = TestData.random(3000, 7);
    try (QuireOutputStream out = client(IDLE_MS).create("/idle", (short) 0644, false, true,
        (short) 2, BLOCK)) {
      out.write(data, 0, 1000);
      out.hflush();
      // heartbeats every IDLE_MS / 2: four of them span twice the DataNodes' idle timeout
      await().atMost(Timing.seconds(20)).until(() ->
          cluster.dn(0).heartbeats() >= 4 && cluster.dn(1).heartbeats() >= 4);
      out.write(data, 1000, data.length - 1000);
    }
    WritePathTest.assertReplicas(cluster, "/idle", data, 1);
    assertEquals(0, cluster.dn(0).idleCloses() + cluster.dn(1).idleCloses());
  }

  @Test
  void withoutHeartbeatsTheDataNodeClosesTheIdlePipeline() throws IOException {
    QuireOutputStream out = client(0).create("/silent", (short) 0644, false, true, (short) 2,
        BLOCK);
    out.write(new byte[1000]);
    out.hflush();
    await().atMost(Timing.seconds(20)).until(() -> cluster.dn(0).idleCloses() >= 1);
    assertEquals(0, cluster.dn(0).heartbeats());
    assertThrows(IOException.class, () -> {
      out.write(new byte[1000]);
      out.close();
    });
  }
}
