package io.quire.namenode.blocks;

import static io.quire.namenode.testing.StandbyPair.received;
import static org.junit.jupiter.api.Assertions.*;

import io.quire.namenode.metrics.NameNodeMetrics;
import io.quire.namenode.testing.NamesystemFixture;
import io.quire.namenode.testing.StandbyPair;
import io.quire.protocol.client.ClientProtocol;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.LocatedBlock;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.metrics2.AbstractMetric;
import org.apache.hadoop.metrics2.MetricsRecord;
import org.apache.hadoop.metrics2.impl.MetricsCollectorImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A standby queues the DataNode messages about blocks whose records it has not applied yet,
 * processes them once it has, keeps the queue bounded, and processes the rest when it becomes
 * active.
 */
class PendingDataNodeMessagesTest {
  private StandbyPair p;
  private NamesystemFixture sb;
  private ClientProtocol nn;

  @BeforeEach
  void setUp() throws IOException {
    p = new StandbyPair(2);
    sb = p.standby;
    nn = p.active.client;
  }

  /** The replicas {@code fx} knows of {@code b}, as "node:state:stamp[:corrupt]" (or null). */
  static List<String> replicas(NamesystemFixture fx, Block b) throws IOException {
    return fx.ns.read(() -> {
      BlockInfo bi = fx.ns.getBlockManager().getBlockMap().get(b.getBlockId());
      if (bi == null) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (Replica r : BlockLocations.of(bi)) {
        out.add(r.describe(bi) + ":" + r.getNumBytes(bi));
      }
      out.sort(null);
      return out;
    });
  }

  private Block newBlock(String path) throws IOException {
    long id = nn.create(path, (short) 0644, "c", false, true, (short) 2, 1024).getFileId();
    return nn.addBlock(path, id, "c", null, List.of(), null).getBlock();
  }

  @Test
  void replicaOfABlockNotCreatedYetWaitsForItsRecord() throws IOException {
    Block b = newBlock("/f");
    received(sb, 0, b, ReplicaState.RBW);
    assertEquals(1, p.queued());
    assertNull(replicas(sb, b));
    p.processQueued();
    assertEquals(1, p.queued(), "the record is not applied yet");

    p.tail();
    assertEquals(0, p.queued());
    assertEquals(List.of("dn-0:RBW:" + b.getGenerationStamp() + ":0"), replicas(sb, b));
  }

  @Test
  void newerGenerationStampWaitsForTheRecordThatSetsIt() throws IOException {
    Block b = newBlock("/f");
    received(p.active, 0, b, ReplicaState.RBW);
    received(sb, 0, b, ReplicaState.RBW);
    p.tail();
    LocatedBlock bumped = nn.updateBlockForPipeline(b, "c");
    long stampOnly = p.activeTxId();
    Block next = bumped.getBlock().withNumBytes(10);
    nn.updatePipeline("c", b, next, bumped.getLocations());
    received(p.active, 0, next, ReplicaState.RBW);
    p.tailTo(stampOnly); // the standby has the stamp counter, not the block's new stamp

    received(sb, 0, next, ReplicaState.RBW);
    assertEquals(1, p.queued());
    assertEquals(List.of("dn-0:RBW:" + b.getGenerationStamp() + ":0"), replicas(sb, b),
        "the replica as the standby knew it until the record arrives");
    p.processQueued();
    assertEquals(1, p.queued());

    p.tail();
    assertEquals(0, p.queued());
    assertEquals(replicas(p.active, next), replicas(sb, next));
    assertEquals(List.of("dn-0:RBW:" + next.getGenerationStamp() + ":10"), replicas(sb, next));
  }

  @Test
  void corruptReplicaReportWaitsLikeTheReplica() throws IOException {
    Block b = newBlock("/f");
    Block done = b.withNumBytes(100);
    for (NamesystemFixture fx : List.of(p.active, sb)) {
      received(fx, 1, done, ReplicaState.FINALIZED);
      fx.datanodes.reportBadBlocks(fx.registration(1), List.of(done));
    }
    assertEquals(2, p.queued());
    p.tail();
    assertEquals(0, p.queued());
    assertEquals(List.of("dn-1:FINALIZED:" + b.getGenerationStamp() + ":corrupt:100"),
        replicas(sb, b));
    assertEquals(replicas(p.active, b), replicas(sb, b));
  }

  @Test
  void aNodesMessagesAboutABlockKeepTheirOrder() throws IOException {
    Block b = newBlock("/f");
    received(sb, 0, b, ReplicaState.RBW);
    received(sb, 0, b.withNumBytes(100), ReplicaState.FINALIZED);
    received(sb, 1, b, ReplicaState.RBW);
    assertEquals(3, p.queued());
    sb.datanodes.blockReceivedAndDeleted(sb.registration(1), List.of(), List.of(b));
    assertEquals(2, p.queued(), "the deletion supersedes dn-1's queued message");
    p.tail();
    assertEquals(List.of("dn-0:FINALIZED:" + b.getGenerationStamp() + ":100"), replicas(sb, b),
        "the later message wins");
  }

  @Test
  void fullReportSupersedesTheNodesQueuedMessages() throws IOException {
    Block b = newBlock("/f");
    received(sb, 0, b, ReplicaState.RBW);
    received(sb, 1, b, ReplicaState.RBW);
    List<DataNodeCommand> answer = sb.datanodes.blockReport(sb.registration(0),
        List.of(new ReportedBlock(b.withNumBytes(50), ReplicaState.RBW))).commands();
    assertEquals(List.of(), answer);
    assertEquals(2, p.queued(), "dn-0's older message gave way to its report's");
    sb.datanodes.blockReport(sb.registration(1), List.of()).commands();
    assertEquals(1, p.queued());
    p.tail();
    assertEquals(List.of("dn-0:RBW:" + b.getGenerationStamp() + ":50"), replicas(sb, b));
  }

  @Test
  void queueIsBoundedAndDropsTheOldest() throws IOException {
    sb.ns.updateVolatileState(() -> {
      sb.ns.getBlockManager().pendingMessages().setCapacity(3);
      return null;
    });
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      blocks.add(newBlock("/f" + i));
      received(sb, 0, blocks.get(i), ReplicaState.RBW);
    }
    assertEquals(3, p.queued());
    assertEquals(2, sb.ns.getBlockManager().getDroppedMessageCount());
    assertEquals(3L, metric(sb, "PendingDataNodeMessageCount"));
    assertEquals(2L, metric(sb, "DroppedDataNodeMessages"));
    p.tail();
    assertEquals(List.of(), replicas(sb, blocks.get(0)), "dropped");
    assertEquals(List.of(), replicas(sb, blocks.get(1)), "dropped");
    for (int i = 2; i < 5; i++) {
      assertEquals(1, replicas(sb, blocks.get(i)).size());
    }
    assertEquals(0L, metric(sb, "PendingDataNodeMessageCount"));
  }

  private static long metric(NamesystemFixture fx, String name) {
    MetricsCollectorImpl c = new MetricsCollectorImpl();
    new NameNodeMetrics(fx.ns).getMetrics(c, true);
    for (MetricsRecord r : c.getRecords()) {
      for (AbstractMetric m : r.metrics()) {
        if (m.name().equals(name)) {
          return m.value().longValue();
        }
      }
    }
    throw new AssertionError("no metric " + name);
  }

  @Test
  void standbyQueuesNothingForRemovedBlocksAndNeverAnswersWithDelete() throws IOException {
    Block abandoned = newBlock("/a");
    long fileId = nn.getFileInfo("/a").getFileId();
    nn.abandonBlock("/a", fileId, "c", abandoned);
    Block kept = nn.addBlock("/a", fileId, "c", null, List.of(), null).getBlock();
    p.tail();
    Block stale = kept.withGenerationStamp(kept.getGenerationStamp() - 1);
    List<DataNodeCommand> answer = sb.datanodes.blockReport(sb.registration(0), List.of(
        new ReportedBlock(abandoned, ReplicaState.FINALIZED),
        new ReportedBlock(stale, ReplicaState.FINALIZED),
        new ReportedBlock(new Block(999, 1001, 5), ReplicaState.FINALIZED))).commands();
    assertEquals(List.of(), answer, "a standby sends no DELETE");
    assertEquals(0, p.queued(), "blocks with ids below the highest known are gone, not future");
    assertEquals(List.of(), replicas(sb, kept));
    assertEquals(List.of(), sb.heartbeat(0));

    List<DataNodeCommand> activeAnswer = p.active.datanodes.blockReport(
        p.active.registration(0), List.of(new ReportedBlock(abandoned,
            ReplicaState.FINALIZED))).commands();
    assertEquals(DataNodeCommand.Type.DELETE, activeAnswer.get(0).getType(),
        "the active answers the same report with DELETE");
  }

  @Test
  void becomingActiveProcessesTheRest() throws IOException {
    Block b = newBlock("/f");
    Block never = new Block(b.getBlockId() + 1000, b.getGenerationStamp(), 5);
    received(sb, 0, b, ReplicaState.RBW);
    received(sb, 1, never, ReplicaState.FINALIZED);
    assertEquals(2, p.queued());
    assertThrows(IllegalStateException.class, () -> sb.ns.updateVolatileState(() -> {
      sb.ns.getBlockReports().processAllQueued();
      return null;
    }));

    p.replayTo(p.activeTxId()); // the new active reads the log to its end
    sb.ns.updateVolatileState(() -> {
      sb.ns.getBlockManager().setStandby(false);
      sb.ns.getBlockReports().processAllQueued();
      return null;
    });
    assertEquals(0, p.queued());
    assertEquals(List.of("dn-0:RBW:" + b.getGenerationStamp() + ":0"), replicas(sb, b));
    List<DataNodeCommand> cmds = sb.heartbeat(1);
    assertEquals(1, cmds.size(), cmds.toString());
    assertEquals(DataNodeCommand.Type.DELETE, cmds.get(0).getType());
    assertEquals(List.of(never), cmds.get(0).getBlocks(), "an invalid replica, deleted now");
  }

  @Test
  void reRegisteringNodeLosesItsQueuedMessages() throws IOException {
    Block b = newBlock("/f");
    received(sb, 0, b, ReplicaState.RBW);
    received(sb, 1, b, ReplicaState.RBW);
    sb.datanodes.registerDataNode(sb.registration(0));
    assertEquals(1, p.queued(), "its next full report will say what it holds");
    p.tail();
    assertEquals(List.of("dn-1:RBW:" + b.getGenerationStamp() + ":0"), replicas(sb, b));
  }
}
