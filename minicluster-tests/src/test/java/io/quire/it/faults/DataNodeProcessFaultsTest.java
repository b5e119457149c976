package io.quire.it.faults;

import static io.quire.it.faults.FaultChecks.assertNothingAcknowledgedLost;
import static io.quire.it.faults.FaultChecks.assertPrefix;
import static io.quire.it.faults.FaultChecks.finish;
import static io.quire.testing.TestData.random;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.minicluster.BlockLocations;
import io.quire.minicluster.CrashTestCluster;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.Timing;
import io.quire.protocol.types.DataNodeInfo;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DataNodes as real daemons in JVMs of their own ({@code forkDataNodes}), 4 of them,
 * replication 3, 1 MB blocks: one of a write pipeline is SIGKILLed, or SIGSTOPped past the
 * data-transfer timeouts (shortened here: DataNode read timeout 2 s, client 4 s, write timeouts
 * 1 s + 0.5 s per downstream node) and SIGCONTed after. Each write must complete or fail with
 * an IOException, never hang, and lose no acknowledged byte (hflushed, or the closed file).
 * One cluster for the class; every test leaves all four DataNodes running.
 */
@Timeout(300)
class DataNodeProcessFaultsTest {
  private static final int BLOCK = 1024 * 1024;
  private static CrashTestCluster fixture;
  private static MiniQuireCluster cluster;
  private static FileSystem fs;

  @BeforeAll
  static void start() throws Exception {
    fixture = CrashTestCluster.builder(DataNodeProcessFaultsTest.class).dataNodes(4, true)
        .blockSize(BLOCK).replication(3).transferTimeouts(2000, 4000).build();
    cluster = fixture.cluster();
    fs = cluster.getFileSystem();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** Starts any DataNode a test killed, so the next test has four again. */
  @AfterEach
  void restoreDataNodes() {
    fixture.restoreDataNodes();
  }

  /**
   * (a) kill -9 of the first, middle or last node of the pipeline mid-block: the write
   * completes, intact.
   */
  @ParameterizedTest(name = "pipeline node {0}")
  @ValueSource(ints = {0, 1, 2})
  void killMidWrite(int position) throws Exception {
    String name = "/faults/killed-" + position + ".bin";
    Path p = new Path(name);
    byte[] data = random(3 * BLOCK + 12345, 1 + position);
    int acked = BLOCK / 2 + 777;
    FSDataOutputStream out = fs.create(p);
    out.write(data, 0, acked);
    out.hflush();
    List<DataNodeInfo> pipeline = BlockLocations.last(cluster, name).getLocations();
    assertEquals(3, pipeline.size(), pipeline.toString());
    int victim = cluster.indexOfDataNode(pipeline.get(position).getUuid());
    assertTrue(victim >= 0, "pipeline node is one of the cluster's: " + pipeline);
    cluster.killDataNode(victim);
    // what hflush acknowledged is readable while the file is open and a holder is dead
    assertPrefix(fs, p, data, acked);
    FaultChecks.Outcome o = finish(out, data, acked);
    assertTrue(o.completed(), () -> "two of three pipeline nodes and a spare were left, yet"
        + " the write failed: " + o.failure());
    assertNothingAcknowledgedLost(fs, p, data, o, acked);
  }

  /**
   * (b) SIGSTOP of the first, middle or last node mid-block, longer than the timeouts: the
   * node before it (the client for the first) stops waiting for its acks, the writer goes on
   * without it; SIGCONT once the write ended, then the file reads back intact with the woken
   * node live again.
   */
  @ParameterizedTest(name = "pipeline node {0}")
  @ValueSource(ints = {0, 1, 2})
  void pauseMidPipelinePastTheTimeouts(int position) throws Exception {
    String name = "/faults/paused-" + position + ".bin";
    Path p = new Path(name);
    byte[] data = random(2 * BLOCK + 4321, 10 + position);
    int acked = BLOCK / 3;
    FSDataOutputStream out = fs.create(p);
    out.write(data, 0, acked);
    out.hflush();
    List<DataNodeInfo> pipeline = BlockLocations.last(cluster, name).getLocations();
    assertEquals(3, pipeline.size(), pipeline.toString());
    int paused = cluster.indexOfDataNode(pipeline.get(position).getUuid());
    assertTrue(paused >= 0, "pipeline node is one of the cluster's: " + pipeline);
    cluster.pauseDataNode(paused);
    FaultChecks.Outcome o;
    try {
      o = finish(out, data, acked);
    } finally {
      cluster.resumeDataNode(paused);
    }
    assertNothingAcknowledgedLost(fs, p, data, o, acked);
    // the woken node (stale replica, old generation stamp) serves again and breaks nothing
    String uuid = pipeline.get(position).getUuid();
    await("the resumed DataNode live").atMost(Timing.seconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> cluster.getClientProtocol().getDataNodeReport().stream()
            .anyMatch(d -> d.getUuid().equals(uuid)
                && d.getState() == DataNodeInfo.State.LIVE));
    assertNothingAcknowledgedLost(fs, p, data, o, acked);
  }
}
