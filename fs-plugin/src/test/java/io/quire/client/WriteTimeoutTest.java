package io.quire.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quire.testing.FakeCluster;
import io.quire.testing.TestData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first DataNode of a pipeline accepts it and then never reads: the client's sends block
 * once the socket buffers are full, and the write timeout
 * ({@code quire.client.socket.write-timeout.ms} plus the per-node extension) turns that into a
 * pipeline recovery onto the other nodes instead of an hflush or close that never returns.
 * Acks are read without a timeout here, so only the write timeout can end the wait.
 */
class WriteTimeoutTest {
  private static final int BLOCK = 64 * 1024 * 1024;
  private FakeCluster cluster;
  private QuireClient client;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(3);
    client = new QuireClient(cluster.namenode, ClientOptions.builder().retryInitialDelayMs(1)
        .socketTimeoutMs(0).socketWriteTimeoutMs(1000).writeTimeoutExtensionMs(100).build(),
        "test-client", null);
  }

  @AfterEach
  void tearDown() throws IOException {
    client.close();
    cluster.close();
  }

  @Test
  void stalledFirstNodeIsDroppedAndHflushAndCloseReturn() {
    cluster.dn(0).stallWrites(true);
    byte[] data = TestData.random(12 * 1024 * 1024, 5);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (QuireOutputStream out = client.create("/stalled", (short) 0644, false, true,
          (short) 3, BLOCK)) {
        out.write(data, 0, data.length / 2);
        out.hflush();
        out.write(data, data.length / 2, data.length - data.length / 2);
      }
    }, "hflush or close hung on a DataNode that stopped reading");
    assertEquals(List.of(cluster.dn(1).info(), cluster.dn(2).info()),
        cluster.namenode.pipelineUpdates.get(0));
    WritePathTest.assertReplicas(cluster, "/stalled", data, 1);
  }
}
