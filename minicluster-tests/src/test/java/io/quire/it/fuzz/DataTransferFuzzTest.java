package io.quire.it.fuzz;

import io.quire.datanode.DataNode;
import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.minicluster.BlockLocations;
import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.Timing;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.types.Block;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.service.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes a DataNode's data-transfer port with seeded, generated frames (see
 * {@link FuzzSettings} for the seed, the number of cases and replaying one case). Each case
 * opens a connection, sends its bytes, half-closes (one in 16 keeps the connection open, so
 * the DataNode's own read timeout must end it) and reads the answer until the DataNode closes.
 *
 * <p>What it generates ({@link DataTransferCases}):
 * <ul>
 *   <li>random bytes; a wrong protocol version; unknown opcodes; op headers cut short;</li>
 *   <li>a valid version and op followed by that op's request body with one field set to an
 *   edge value (negative, zero, huge), a string whose declared length lies (negative, beyond
 *   64 KiB, longer or shorter than its bytes), the body cut short, garbage appended, or bits
 *   flipped;</li>
 *   <li>READ_BLOCK of a real finalized block: in-range reads, offsets beyond the visible
 *   length, negative offsets and lengths, lengths up to Long.MAX_VALUE, a newer generation
 *   stamp, missing blocks, an oversized client name;</li>
 *   <li>BLOCK_CHECKSUM / VISIBLE_LENGTH of that block (lengths in and beyond it) and
 *   RECOVERY_INIT / RECOVERY_UPDATE of the fuzzer's own blocks with edge stamps and lengths;</li>
 *   <li>WRITE_BLOCK (CREATE, rarely RECOVER_APPEND or TRANSFER; rarely an unreachable
 *   downstream or the DataNode itself as downstream), then up to five packets, valid (empty,
 *   small, max-size, hsync, odd seqnos, the last packet with or without data) or ended by one
 *   broken packet: negative data length, data length beyond the DataNode's limit, a checksum
 *   length that does not match, unknown flags, a negative offset, a wrong CRC, a valid header
 *   followed by garbage, a gap in the offsets, a packet cut short.</li>
 * </ul>
 *
 * <p>What it asserts: every connection is answered or closed within the DataNode's socket
 * timeout + a margin; an answer parses (an OpResponse, then acks or packets); where the
 * protocol defines the answer it is that one (ERROR_INVALID for bad versions, opcodes, ranges
 * and packet headers, ERROR_NOT_FOUND for missing replicas, ERROR_CHECKSUM for bad CRCs, an
 * error for unusable downstreams, SUCCESS acks in order for valid packets, the right bytes
 * and CRCs for valid reads). After every batch of 50 cases: no transfer active, no packet
 * buffer reserved, the per-write PacketResponder threads gone, the JVM's live threads and
 * heap (after System.gc()) back within a tolerance of the baseline, the DataNode still
 * started and accepting. After the fuzz, a client write and read through the FileSystem API
 * works and the reference block's file is intact.
 */
class DataTransferFuzzTest {
  /** Cases in CI; more with -Dquire.fuzz.cases=N. */
  private static final int CI_CASES = 400;
  private static final int SOCKET_TIMEOUT_MS = 1000;
  private static final int MAX_PACKET = 64 * 1024;
  /** Cases per batch: they run concurrently, then the DataNode must be back to idle. */
  private static final int BATCH = 50;
  private MiniQuireCluster cluster;

  @BeforeEach
  void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setInt(QuireConfigKeys.REPLICATION_KEY, 1);
    conf.setInt(DataNodeConfigKeys.SOCKET_TIMEOUT_KEY, SOCKET_TIMEOUT_MS);
    conf.setInt(DataNodeConfigKeys.TRANSFER_MAX_PACKET_SIZE_KEY, MAX_PACKET);
    // The fuzz reaches the frame parsers and the dataset with empty tokens; the token checks
    // that would refuse them first are tested by BlockTokenTest and BlockAccessTokensTest.
    conf.setBoolean(QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY, false);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(1).build();
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Timeout(600)
  void dataNodeSurvivesMalformedFrames() throws Exception {
    FuzzSettings settings = FuzzSettings.fromSystemProperties(CI_CASES);
    String refPath = "/fuzz/reference";
    byte[] ref = FuzzCluster.writeFile(cluster.getFileSystem(), refPath, 5000, 42);
    Block refBlock = BlockLocations.first(cluster, refPath).getBlock();
    DataNode dn = cluster.getDataNode(0);
    // the DataNode's silence limit: its socket timeout, plus its refusal deadline and slack
    Duration readTimeout = Duration.ofMillis(SOCKET_TIMEOUT_MS).plus(Timing.seconds(4));
    // The NameNode has the DataNode delete fuzz blocks (they belong to no file) at any time;
    // a delete stops the block's writer and cuts its connection before the replica leaves
    // the dataset, so "the replica is still there" cannot tell a write stopped on purpose.
    Set<Long> stoppedWriters = ConcurrentHashMap.newKeySet();
    dn.getFaultInjector().set(DataNodeFaultInjector.Point.BEFORE_STOP_WRITER,
        b -> stoppedWriters.add(((Block) b).getBlockId()));
    DataTransferCases cases = new DataTransferCases(dn.getDataAddress(), MAX_PACKET,
        FuzzCluster.closedPort(), refBlock.getBlockId(), refBlock.getGenerationStamp(), ref,
        readTimeout, id -> !stoppedWriters.contains(id)
            && dn.getFsDataset().getReplica(id) != null, BATCH);
    DaemonHealth health = new DaemonHealth(24, 64L << 20, "PacketResponder-");
    health.captureBaseline();
    String acceptor = "DataTransferAcceptor-" + dn.getDataAddress().getPort();
    Map<String, BooleanSupplier> idle = new LinkedHashMap<>();
    idle.put("DataNode started", () -> dn.getServiceState() == Service.STATE.STARTED);
    idle.put("acceptor thread alive", () -> Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(acceptor) && t.isAlive()));
    idle.put("no transfer active", () -> dn.getActiveTransfers() == 0);
    idle.put("no packet buffer reserved", () -> dn.getTransferBuffers().getReservedBytes() == 0);
    long t0 = System.nanoTime();
    new FuzzRunner(settings, 4, BATCH, readTimeout.multipliedBy(3)).run("data-transfer",
        cases::generate, batch -> health.awaitBaseline(batch, idle));
    System.out.printf("data-transfer fuzz: %s in %d ms, %s%n", settings,
        (System.nanoTime() - t0) / 1_000_000, health);
    FuzzCluster.assertClientWriteAndRead(cluster, "/fuzz/after");
    FuzzCluster.assertContent(cluster.getFileSystem(), refPath, ref);
  }
}
