package io.quire.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.testing.FakeCluster;
import io.quire.testing.FakeNameNode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The streamer thread of a {@link QuireOutputStream} starts with the first packet: an empty
 * file costs create and complete RPCs and no thread; flushing data starts it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LazyStreamerTest {
  private static final int BLOCK = 128 * 1024;
  private FakeCluster cluster;
  private QuireClient client;

  @BeforeEach
  void setUp() throws IOException {
    cluster = new FakeCluster(3);
    client = new QuireClient(cluster.namenode,
        ClientOptions.builder().retryInitialDelayMs(1).build(), "lazy-client", null);
  }

  @AfterEach
  void tearDown() throws IOException {
    client.close();
    cluster.close();
  }

  /** Whether a live thread is the streamer of the stream writing {@code path}. */
  private static boolean streamerRunning(String path) {
    String name = QuireOutputStream.streamerThreadName(path);
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().equals(name));
  }

  @Test
  void emptyFileStartsNoStreamerAndStillCompletes() throws IOException {
    QuireOutputStream out = client.create("/empty", (short) 0644, false, true, (short) 3,
        BLOCK);
    out.hflush();
    out.hsync();
    assertFalse(streamerRunning("/empty"), "streamer thread of an empty open file");
    out.close();
    assertFalse(streamerRunning("/empty"), "streamer thread after close");
    FakeNameNode.Node n = cluster.namenode.node("/empty");
    assertFalse(n.underConstruction, "/empty is complete");
    assertTrue(n.blocks.isEmpty(), "blocks of /empty: " + n.blocks);
    assertEquals(1, cluster.namenode.calls("create"));
    assertEquals(1, cluster.namenode.calls("complete"));
    assertEquals(0, cluster.namenode.calls("addBlock"));
    assertEquals(0, cluster.namenode.calls("fsync"));
  }

  @Test
  void aFlushedByteStartsTheStreamerAndCloseEndsIt() throws IOException {
    QuireOutputStream out = client.create("/one", (short) 0644, false, true, (short) 3, BLOCK);
    out.write(7);
    assertFalse(streamerRunning("/one"), "streamer before the first packet");
    out.hflush();
    assertTrue(streamerRunning("/one"), "streamer after hflush of a byte");
    out.close();
    assertFalse(streamerRunning("/one"), "streamer after close");
    assertEquals(1, cluster.namenode.node("/one").blocks.get(0).getBlock().getNumBytes());
  }

  @Test
  void appendClosedWithoutWritingKeepsTheLastBlock() throws IOException {
    try (QuireOutputStream out = client.create("/ap", (short) 0644, false, true, (short) 3,
        BLOCK)) {
      out.write(new byte[3000]);
    }
    client.append("/ap").close();
    assertFalse(streamerRunning("/ap"));
    FakeNameNode.Node n = cluster.namenode.node("/ap");
    assertFalse(n.underConstruction, "/ap is complete");
    assertEquals(3000, n.blocks.get(0).getBlock().getNumBytes());
  }
}
