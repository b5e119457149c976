package io.quire.datanode.testing;

import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.exceptions.UnregisteredNodeException;
import io.quire.protocol.security.ExportedBlockKeys;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.HaState;
import io.quire.protocol.types.HeartbeatResponse;
import io.quire.protocol.types.NameNodeHaState;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-process DataNodeProtocol that records what DataNodes tell it and hands out commands. */
public final class FakeNameNode implements DataNodeProtocol {
  public record Commit(Block block, long newGs, long newLength, boolean closeFile,
      boolean deleteBlock, List<DataNodeId> targets) {}

  private final String clusterId;
  public final List<DataNodeRegistration> registrations = new CopyOnWriteArrayList<>();
  public final Map<String, List<ReportedBlock>> lastReport = new ConcurrentHashMap<>();
  public final AtomicInteger reports = new AtomicInteger();
  public final AtomicInteger heartbeats = new AtomicInteger();
  /** Calls refused while the fake was down. */
  public final AtomicInteger refusedCalls = new AtomicInteger();
  public final List<ReportedBlock> received = new CopyOnWriteArrayList<>();
  public final List<Block> deleted = new CopyOnWriteArrayList<>();
  public final List<Commit> commits = new CopyOnWriteArrayList<>();
  public final List<Block> badBlocks = new CopyOnWriteArrayList<>();
  public volatile StorageReport lastStorageReport;
  private final Map<String, ConcurrentLinkedQueue<DataNodeCommand>> commands =
      new ConcurrentHashMap<>();
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();
  private volatile boolean down;
  private volatile boolean standby;
  private volatile long epoch = 1;
  /** Block keys sent in every heartbeat and block-report answer. */
  public volatile ExportedBlockKeys keys = ExportedBlockKeys.NONE;
  /** Whether this NameNode says (in versionRequest) that it issues block access tokens. */
  public volatile boolean blockTokensEnabled;
  /** Commands handed out in heartbeat answers so far. */
  public final AtomicInteger commandsSent = new AtomicInteger();

  public FakeNameNode(String clusterId) {
    this.clusterId = clusterId;
  }

  /** While down, every call fails as if the NameNode were unreachable. */
  public void setDown(boolean d) { down = d; }

  /**
   * A standby says STANDBY in its answers and refuses commitBlockSynchronization with
   * StandbyException (its queued commands still go out, so tests can check they are ignored).
   */
  public void setStandby(boolean s) { standby = s; }

  /** The epoch this fake says it is active (or standby) with; default 1. */
  public void setEpoch(long e) { epoch = e; }

  private NameNodeHaState haState() {
    return new NameNodeHaState(standby ? HaState.STANDBY : HaState.ACTIVE, epoch);
  }

  /** Forgets every DataNode, as a restarted NameNode would. */
  public void forgetAll() { known.clear(); }

  /** Queues {@code c} for the next heartbeat of DataNode {@code uuid}. */
  public void queueCommand(String uuid, DataNodeCommand c) {
    commands.computeIfAbsent(uuid, k -> new ConcurrentLinkedQueue<>()).add(c);
  }

  public List<ReportedBlock> receivedOf(long blockId) {
    List<ReportedBlock> out = new ArrayList<>();
    for (ReportedBlock r : received) {
      if (r.getBlock().getBlockId() == blockId) {
        out.add(r);
      }
    }
    return out;
  }

  private void check(DataNodeRegistration reg) throws IOException {
    if (down) {
      refusedCalls.incrementAndGet();
      throw new ConnectException("fake NameNode is down");
    }
    if (reg != null && !known.containsKey(reg.getId().getUuid())) {
      throw new UnregisteredNodeException("unknown DataNode " + reg);
    }
  }

  @Override public NamespaceInfo versionRequest() throws IOException {
    check(null);
    return new NamespaceInfo(clusterId, 1, blockTokensEnabled);
  }

  @Override public DataNodeRegistration registerDataNode(DataNodeRegistration r)
      throws IOException {
    check(null);
    known.put(r.getId().getUuid(), true);
    registrations.add(r);
    return r;
  }

  @Override public HeartbeatResponse sendHeartbeat(DataNodeRegistration r,
      StorageReport report) throws IOException {
    check(r);
    heartbeats.incrementAndGet();
    lastStorageReport = report;
    List<DataNodeCommand> out = new ArrayList<>();
    ConcurrentLinkedQueue<DataNodeCommand> q = commands.get(r.getId().getUuid());
    DataNodeCommand c;
    while (q != null && (c = q.poll()) != null) {
      out.add(c);
    }
    commandsSent.addAndGet(out.size());
    return new HeartbeatResponse(haState(), out, keys);
  }

  @Override public HeartbeatResponse blockReport(DataNodeRegistration r,
      List<ReportedBlock> blocks) throws IOException {
    check(r);
    lastReport.put(r.getId().getUuid(), List.copyOf(blocks));
    reports.incrementAndGet();
    return new HeartbeatResponse(haState(), List.of(), keys);
  }

  @Override public void blockReceivedAndDeleted(DataNodeRegistration r,
      List<ReportedBlock> rec, List<Block> del) throws IOException {
    check(r);
    received.addAll(rec);
    deleted.addAll(del);
  }

  @Override public void reportBadBlocks(DataNodeRegistration r, List<Block> blocks)
      throws IOException {
    check(r);
    badBlocks.addAll(blocks);
  }

  @Override public void commitBlockSynchronization(Block block, long newGs, long newLength,
      boolean closeFile, boolean deleteBlock, List<DataNodeId> targets) throws IOException {
    check(null);
    if (standby) {
      throw new org.apache.hadoop.ipc.StandbyException("fake NameNode is standby");
    }
    commits.add(new Commit(block, newGs, newLength, closeFile, deleteBlock, targets));
  }
}
