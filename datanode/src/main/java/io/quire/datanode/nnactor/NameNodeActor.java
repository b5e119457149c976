package io.quire.datanode.nnactor;

import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.datanode.DataNodeProtocol;
import io.quire.protocol.exceptions.IncompatibleStorageException;
import io.quire.protocol.exceptions.InconsistentConfigurationException;
import io.quire.protocol.exceptions.UnregisteredNodeException;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.HeartbeatResponse;
import io.quire.protocol.types.NameNodeHaState;
import io.quire.protocol.types.NamespaceInfo;
import io.quire.protocol.types.ReportedBlock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DataNode's conversation with one NameNode, on its own thread: versionRequest (check or
 * stamp the cluster id), register, full block report, then heartbeats every heartbeat interval,
 * incremental reports as soon as replicas are received or deleted, and full reports every
 * block-report interval. A NameNode that does not know this node (UnregisteredNodeException or
 * a REGISTER command) gets a new registration and a full report; an unreachable NameNode is
 * retried with doubling back-off, keeping the registration (a restarted NameNode answers
 * UnregisteredNodeException). A storage of another cluster stops this actor for good.
 */
public final class NameNodeActor implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(NameNodeActor.class);
  private static final String SOFTWARE_VERSION = "quire-0.1.0";

  private final InetSocketAddress address;
  private final ActorContext ctx;
  private final IncrementalReport pending = new IncrementalReport();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private volatile boolean running = true;
  private volatile boolean heartbeatNow;
  private volatile boolean reportNow;
  private volatile DataNodeProtocol nn;
  private volatile DataNodeRegistration registration;
  private volatile IOException fatal;
  private volatile NameNodeHaState nameNodeState;
  /** When the next heartbeat and full report are due (the actor thread's own clock state). */
  private long nextHeartbeat;
  private long nextReport;

  public NameNodeActor(InetSocketAddress address, ActorContext ctx) {
    this.address = address;
    this.ctx = ctx;
  }

  public InetSocketAddress getAddress() { return address; }

  /** The proxy to this NameNode, or null before the first connection. */
  public DataNodeProtocol getProxy() { return nn; }

  /** Whether this actor is registered with its NameNode right now. */
  public boolean isRegistered() { return registration != null; }

  /** What the NameNode said of itself in its last answer, or null before any. */
  public NameNodeHaState getNameNodeState() { return nameNodeState; }

  /** The error that stopped this actor for good (foreign cluster), or null. */
  public IOException getFatalError() { return fatal; }

  void replicaReceived(ReportedBlock b) {
    pending.addReceived(b);
    signal();
  }

  void replicaDeleted(Block b) {
    pending.addDeleted(b);
    signal();
  }

  void replicaCorrupt(Block b) {
    pending.addBad(b);
    signal();
  }

  /** Sends a heartbeat as soon as possible. */
  public void triggerHeartbeat() {
    heartbeatNow = true;
    signal();
  }

  /** Sends a full block report as soon as possible. */
  public void triggerBlockReport() {
    reportNow = true;
    signal();
  }

  void stop() {
    running = false;
    signal();
  }

  private void signal() {
    lock.lock();
    try {
      wakeUp.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override public void run() {
    long backoff = ctx.options().heartbeatIntervalMs();
    while (running) {
      try {
        if (nn == null) {
          nn = ctx.connector().connect(ctx.conf(), address);
        }
        if (registration == null) {
          handshake();
        }
        backoff = ctx.options().heartbeatIntervalMs();
        serve();
      } catch (IOException | RuntimeException e) {
        if (e instanceof InconsistentConfigurationException
            || e instanceof IOException && RemoteErrors.is((IOException) e,
            IncompatibleStorageException.class)) {
          fatal = (IOException) e;
          LOG.error("NameNode {}: giving up: {}", address, e.getMessage());
          return;
        }
        if (e instanceof IOException && RemoteErrors.is((IOException) e,
            UnregisteredNodeException.class)) {
          LOG.info("NameNode {} does not know this DataNode; registering again", address);
          registration = null;
          continue;
        }
        LOG.warn("NameNode {} unavailable, retrying in {} ms: {}", address, backoff,
            e.toString());
        await(System.currentTimeMillis() + backoff, false);
        backoff = Math.min(backoff * 2, ctx.options().nameNodeRetryMaxMs());
      }
    }
  }

  private void handshake() throws IOException {
    NamespaceInfo ns = nn.versionRequest();
    checkBlockTokenSetting(ns);
    ctx.storage().checkOrStampClusterId(ns.getClusterId());
    DataNodeRegistration reg = nn.registerDataNode(new DataNodeRegistration(ctx.self().get(),
        ns.getClusterId(), SOFTWARE_VERSION));
    registration = reg;
    LOG.info("Registered with NameNode {} as {}", address, reg);
    pending.clearForFullReport();
    reportNow = true;
    heartbeatNow = true;
  }

  /** The NameNode and this DataNode must agree on block access tokens (HDFS refuses too). */
  private void checkBlockTokenSetting(NamespaceInfo ns) throws InconsistentConfigurationException {
    if (ns.isBlockTokensEnabled() != ctx.tokens().isEnabled()) {
      throw new InconsistentConfigurationException("register with NameNode " + address
          + ": block access tokens are " + (ns.isBlockTokensEnabled() ? "on" : "off")
          + " there and " + (ctx.tokens().isEnabled() ? "on" : "off") + " here: set "
          + QuireConfigKeys.BLOCK_ACCESS_TOKEN_ENABLE_KEY
          + " to the same value on every NameNode and DataNode");
    }
  }

  private void serve() throws IOException {
    long hbInterval = ctx.options().heartbeatIntervalMs();
    while (running) {
      long now = System.currentTimeMillis();
      if (heartbeatNow || now >= nextHeartbeat) {
        heartbeatNow = false;
        nextHeartbeat = now + hbInterval;
        ctx.faults().run(DataNodeFaultInjector.Point.BEFORE_HEARTBEAT, address);
        long sent = System.nanoTime();
        HeartbeatResponse answer = nn.sendHeartbeat(registration,
            ctx.dataset().storageReport(ctx.activeTransfers().getAsInt()));
        ctx.metrics().addHeartbeat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        handle(answer);
      }
      if (!pending.isEmpty()) {
        sendIncremental();
      }
      if (reportNow || now >= nextReport) {
        reportNow = false;
        nextReport = now + ctx.options().blockReportIntervalMs();
        pending.clearForFullReport();
        List<ReportedBlock> report = ctx.dataset().blockReport();
        handle(nn.blockReport(registration, report));
        LOG.info("Sent block report of {} replicas to {}", report.size(), address);
      }
      await(Math.min(nextHeartbeat, nextReport), true);
    }
  }

  private void sendIncremental() throws IOException {
    IncrementalReport.Batch b = pending.take();
    try {
      if (!b.received().isEmpty() || !b.deleted().isEmpty()) {
        nn.blockReceivedAndDeleted(registration, b.received(), b.deleted());
      }
      if (!b.bad().isEmpty()) {
        nn.reportBadBlocks(registration, b.bad());
        LOG.warn("Reported corrupt replicas {} to {}", b.bad(), address);
      }
    } catch (IOException | RuntimeException e) {
      pending.putBack(b);
      throw e;
    }
  }

  /**
   * REGISTER and BLOCK_REPORT concern this actor and are honoured from any NameNode; block
   * commands only from the active with the highest epoch seen ({@link CommandAuthority}).
   */
  private void handle(HeartbeatResponse answer) throws IOException {
    nameNodeState = answer.nameNode();
    ctx.tokens().addKeys(answer.keys(), address); // from every NameNode, active or not
    boolean obey = !answer.commands().isEmpty()
        && ctx.authority().mayCommand(address, answer.nameNode());
    for (DataNodeCommand c : answer.commands()) {
      switch (c.getType()) {
        case REGISTER:
          throw new UnregisteredNodeException("NameNode " + address + " asked "
              + ctx.self().get() + " to register again");
        case BLOCK_REPORT:
          reportNow = true;
          break;
        default:
          if (obey) {
            ctx.commands().execute(c);
          } else {
            LOG.warn("Ignoring {} from NameNode {} ({}): not the active with the highest epoch",
                c, address, answer.nameNode());
          }
          break;
      }
    }
  }

  /** Waits until {@code deadline} or stop, and with {@code onEvents} a trigger or event. */
  private void await(long deadline, boolean onEvents) {
    lock.lock();
    try {
      while (running && !(onEvents && (heartbeatNow || reportNow || !pending.isEmpty()))) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return;
        }
        wakeUp.await(left, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }
}
