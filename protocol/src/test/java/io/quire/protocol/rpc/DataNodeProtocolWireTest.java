package io.quire.protocol.rpc;

import static io.quire.protocol.rpc.DeepEquals.assertDeepEquals;

import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HeartbeatResponse;
import io.quire.protocol.types.NameNodeHaState;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every DataNodeProtocol method over a real IPC connection, both directions of each call. */
class DataNodeProtocolWireTest {
  private static RpcFixture fixture;
  private static DataNodeProtocol nn;

  @FunctionalInterface
  private interface DataNodeCall<R> {
    R call(DataNodeProtocol p) throws IOException;
  }

  @BeforeAll
  static void startServer() throws IOException {
    fixture = RpcFixture.start();
    nn = fixture.newDataNodeProxy();
  }

  @AfterAll
  static void stopServer() {
    fixture.close();
  }

  @BeforeEach
  void resetScript() {
    fixture.datanode.reset();
  }

  private static <R> void check(String method, R answer, DataNodeCall<R> call,
      Object... expectedArgs) throws IOException {
    fixture.datanode.returns(method, answer);
    assertDeepEquals(answer, call.call(nn));
    assertDeepEquals(Arrays.asList(expectedArgs), fixture.datanode.lastCall(method).args());
  }

  private static HeartbeatResponse answer(HaState state, long epoch,
      List<DataNodeCommand> commands) {
    // odd epochs carry block keys, even ones none (tokens off)
    return new HeartbeatResponse(new NameNodeHaState(state, epoch), commands,
        epoch % 2 == 1 ? Samples.keys() : null);
  }

  private static List<DataNodeCommand> everyKindOfCommand() {
    return List.of(
        DataNodeCommand.delete(List.of(Samples.block(1), Samples.block(2))),
        new DataNodeCommand(DataNodeCommand.Type.TRANSFER, List.of(Samples.block(3),
            Samples.block(4)), List.of(List.of(Samples.datanode(1)),
            List.of(Samples.datanode(2), Samples.bareDataNode(3))), 0),
        new DataNodeCommand(DataNodeCommand.Type.RECOVER, List.of(Samples.block(5)),
            List.of(List.of(Samples.datanode(1), Samples.datanode(2))), 1234),
        // copy on truncate: the new block id travels too
        new DataNodeCommand(DataNodeCommand.Type.RECOVER, List.of(Samples.block(6)),
            List.of(List.of(Samples.datanode(1))), 1235, 1073741999L),
        DataNodeCommand.register(),
        DataNodeCommand.blockReport());
  }

  @Test
  void handshakeRoundTrips() throws IOException {
    check("versionRequest", new NamespaceInfo("CID-1", -1, false),
        DataNodeProtocol::versionRequest);
    check("versionRequest", new NamespaceInfo("CID-2", -1, true),
        DataNodeProtocol::versionRequest);
    check("registerDataNode", Samples.registration(2),
        p -> p.registerDataNode(Samples.registration(1)), Samples.registration(1));
    DataNodeRegistration bare = new DataNodeRegistration(Samples.datanodeId(3), null, null);
    check("registerDataNode", bare, p -> p.registerDataNode(bare), bare);
  }

  @Test
  void heartbeatAndReportsCarryCommands() throws IOException {
    StorageReport report = new StorageReport(1L << 40, 1L << 20, (1L << 40) - (1L << 20), 3, 1);
    check("sendHeartbeat", answer(HaState.ACTIVE, 7, everyKindOfCommand()),
        p -> p.sendHeartbeat(Samples.registration(1), report), Samples.registration(1), report);
    check("sendHeartbeat", answer(HaState.STANDBY, 6, List.of()),
        p -> p.sendHeartbeat(Samples.registration(1), report), Samples.registration(1), report);
    for (HaState state : HaState.values()) {
      check("sendHeartbeat", answer(state, Long.MAX_VALUE, List.of()),
          p -> p.sendHeartbeat(Samples.registration(1), report), Samples.registration(1),
          report);
    }
    List<ReportedBlock> blocks = List.of(
        new ReportedBlock(Samples.block(1), ReplicaState.FINALIZED),
        new ReportedBlock(Samples.block(2), ReplicaState.RBW),
        new ReportedBlock(Samples.block(3), ReplicaState.RWR));
    check("blockReport",
        answer(HaState.ACTIVE, 3, List.of(DataNodeCommand.delete(List.of(Samples.block(9))))),
        p -> p.blockReport(Samples.registration(1), blocks), Samples.registration(1), blocks);
    check("blockReport", answer(HaState.SUSPENDED, 0, List.of()),
        p -> p.blockReport(Samples.registration(1), List.of()), Samples.registration(1),
        List.of());
  }

  @Test
  void notificationsRoundTrip() throws IOException {
    List<ReportedBlock> received = List.of(new ReportedBlock(Samples.block(4), ReplicaState.RBW));
    check("blockReceivedAndDeleted", null, p -> {
      p.blockReceivedAndDeleted(Samples.registration(1), received, List.of(Samples.block(5)));
      return null;
    }, Samples.registration(1), received, List.of(Samples.block(5)));
    check("reportBadBlocks", null, p -> {
      p.reportBadBlocks(Samples.registration(2), List.of(Samples.block(6)));
      return null;
    }, Samples.registration(2), List.of(Samples.block(6)));
    check("commitBlockSynchronization", null, p -> {
      p.commitBlockSynchronization(Samples.block(7), 2007, 333, true, false,
          List.of(Samples.datanodeId(1), Samples.datanodeId(2)));
      return null;
    }, Samples.block(7), 2007L, 333L, true, false,
        List.of(Samples.datanodeId(1), Samples.datanodeId(2)));
  }
}
