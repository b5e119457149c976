package io.quire.it.fuzz;

import io.quire.minicluster.MiniQuireCluster;
import io.quire.testing.Timing;
import io.quire.namenode.NameNode;
import io.quire.namenode.rpc.NameNodeRpcServer;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.InodeStatus;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.service.Service;
import org.apache.hadoop.util.ExitUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the NameNode's IPC port with seeded, generated Hadoop IPC traffic (see
 * {@link FuzzSettings} for the seed, the number of cases and replaying one case), written byte
 * by byte ({@link IpcFrames}) rather than through Hadoop's client.
 *
 * <p>What it generates ({@link IpcCases}):
 * <ul>
 *   <li>random bytes; a connection header with a wrong magic, an HTTP request, wrong IPC
 *   versions, service classes and auth protocols, or cut short;</li>
 *   <li>frame lengths negative, zero, at and beyond {@code ipc.maximum.data.length},
 *   Integer.MAX_VALUE, with fewer bytes than claimed, random payloads, malformed varints and
 *   varint lengths claiming more than the frame;</li>
 *   <li>connection contexts of random bytes, for an unknown protocol, of strange users,
 *   missing, sent twice, empty;</li>
 *   <li>RPC request headers with other RPC kinds and operations, reserved or negative call
 *   ids, client ids of the wrong length, no RPC kind, odd retry counts;</li>
 *   <li>method headers naming unknown methods, methods of other protocols, unknown
 *   protocols, wrong protocol versions;</li>
 *   <li>calls of every method of the protocols the port serves, ClientProtocol (but
 *   setSafeMode and setDecommission, which legitimately stop the final write),
 *   DataNodeProtocol and HaAdminProtocol, whose request is a random message of the method's type
 *   (edge numbers, odd and hostile paths, required fields sometimes missing), a mutated one
 *   (cut, bits flipped, garbage appended), random bytes or empty.</li>
 * </ul>
 *
 * <p>What it asserts: every connection is answered or closed within the read timeout; a
 * well-framed bad call is answered and the same connection then serves a normal call; no
 * answer carries an unchecked exception other than IllegalArgumentException, or an Error. After
 * every batch of 50 cases: the NameNode still started and active, no exit requested
 * (ExitUtil), its open IPC connections, its IPC threads and the JVM's live threads and heap
 * (after System.gc()) back to the baseline within tolerances. After the fuzz, a client write
 * and read through the FileSystem API works.
 */
class NameNodeIpcFuzzTest {
  /** Cases in CI; more with -Dquire.fuzz.cases=N. */
  private static final int CI_CASES = 400;
  private static final int MAX_DATA_LENGTH = 1 << 20;
  private MiniQuireCluster cluster;

  @BeforeEach
  void start() throws Exception {
    ExitUtil.disableSystemExit();
    Configuration conf = new Configuration();
    conf.setInt("quire.replication", 1);
    conf.setInt("ipc.maximum.data.length", MAX_DATA_LENGTH);
    cluster = MiniQuireCluster.builder(conf).numDataNodes(1).build();
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
    ExitUtil.resetFirstExitException();
  }

  /**
   * The NameNode's IPC server, read by reflection: NameNodeRpcServer does not expose it, and
   * only its open connections are needed here.
   */
  private static RPC.Server ipcServer(NameNode nn) throws ReflectiveOperationException {
    Field f = NameNodeRpcServer.class.getDeclaredField("server");
    f.setAccessible(true);
    return (RPC.Server) f.get(nn.getRpcServer());
  }

  @Test
  @Timeout(600)
  void nameNodeSurvivesMalformedIpc() throws Exception {
    FuzzSettings settings = FuzzSettings.fromSystemProperties(CI_CASES);
    NameNode nn = cluster.getNameNode();
    FuzzCluster.assertClientWriteAndRead(cluster, "/fuzz/before");
    Duration readTimeout = Timing.seconds(10);
    IpcCases cases = new IpcCases(nn.getRpcAddress(), readTimeout, MAX_DATA_LENGTH,
        UserGroupInformation.getCurrentUser().getShortUserName());
    RPC.Server ipc = ipcServer(nn);
    DaemonHealth health = new DaemonHealth(16, 64L << 20, "IPC Server handler",
        "IPC Server listener", "IPC Server Responder", "Socket Reader");
    int baseConnections = ipc.getNumOpenConnections();
    health.captureBaseline();
    Map<String, BooleanSupplier> idle = new LinkedHashMap<>();
    idle.put("NameNode started", () -> nn.getServiceState() == Service.STATE.STARTED);
    idle.put("NameNode active", () -> nn.getNamesystem().getHaGate().state() == HaState.ACTIVE);
    idle.put("no exit requested", () -> !ExitUtil.terminateCalled());
    idle.put("open IPC connections back to " + baseConnections,
        () -> ipc.getNumOpenConnections() <= baseConnections);
    idle.put("no queued calls", () -> ipc.getCallQueueLen() == 0);
    idle.put("client calls served", () -> {
      try {
        return cluster.getClientProtocol().getFileInfo("/") != null;
      } catch (Exception e) {
        return false;
      }
    });
    long t0 = System.nanoTime();
    new FuzzRunner(settings, 4, 50, readTimeout.multipliedBy(3)).run("namenode-ipc",
        cases::generate, batch -> health.awaitBaseline(batch, idle));
    System.out.printf("namenode-ipc fuzz: %s in %d ms, %s%n", settings,
        (System.nanoTime() - t0) / 1_000_000, health);
    cases.outcomes().forEach((k, v) -> System.out.println("  " + v + " x " + k));
    // setQuota is fuzzed like every call and may leave a quota of 0 on "/" (the superuser may
    // set one): clear the final write's ancestors' quotas first, as an operator would
    for (String dir : new String[] {"/", "/fuzz"}) {
      InodeStatus st = cluster.getClientProtocol().getFileInfo(dir);
      if (st != null && st.isDirectory()) {
        cluster.getClientProtocol().setQuota(dir, -1, -1);
      }
    }
    FuzzCluster.assertClientWriteAndRead(cluster, "/fuzz/after");
  }
}
