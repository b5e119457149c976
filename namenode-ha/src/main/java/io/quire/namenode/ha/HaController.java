package io.quire.namenode.ha;

import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.protocol.exceptions.FencedException;
import io.quire.protocol.types.HaState;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.state.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HA state machine of one NameNode (see namenode-ha/HA.md). Every decision runs on one
 * thread, one event at a time: election changes, ZooKeeper connection changes, a failed or
 * fenced journal write, and administrative requests. Each event re-evaluates:
 * <ul>
 *   <li>STANDBY, connected and leading the election: become active (stop tailing, promise the
 *       next epoch on the shared journal, read it to its end, open it for writing).</li>
 *   <li>ACTIVE and the connection SUSPENDED: SUSPENDED (refuse every call, keep the writer).</li>
 *   <li>ACTIVE or SUSPENDED, and the session LOST or the election lost while connected: step
 *       down.</li>
 *   <li>SUSPENDED and reconnected: resume as ACTIVE only if ZooKeeper still lists this NameNode
 *       as the election's leader and the epoch znode still holds this writer's epoch; else step
 *       down.</li>
 * </ul>
 * Stepping down refuses calls at once, syncs and closes the writer, and continues as a standby
 * tailing the journal when every applied record is in the journal; otherwise (a fenced or
 * failed sync) the NameNode reloads its namespace ({@link Reloader}).
 */
public final class HaController implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HaController.class);

  /** Restarts the NameNode's services in-process as a standby (reload from disk + journal). */
  @FunctionalInterface
  public interface Reloader {
    void reload(String reason);
  }

  /** What the controller does to the namesystem around a transition (blocks, leases, DNs). */
  public interface Roles {
    /** Before the gate opens: this NameNode is about to serve as the active. */
    void activating() throws IOException;

    /** After the gate closed and the writer was closed: this NameNode is a standby. */
    void deactivated();
  }

  private final HaOptions options;
  private final Namesystem ns;
  private final Journal journal;
  private final ZkConnection zk;
  private final HaGate gate;
  private final LogTailer tailer;
  private final Roles roles;
  private final Reloader reloader;
  private final Election election;
  private final ExecutorService events;
  private final ScheduledExecutorService ticker;
  private volatile boolean sessionLost;
  private volatile boolean closed;
  private volatile boolean reloading;
  private boolean leftElection;
  private volatile JournalWriter failedWriter;
  private volatile String activeId;

  public HaController(HaOptions options, Namesystem ns, Journal journal, ZkConnection zk,
      LogTailer tailer, Roles roles, Reloader reloader) {
    this.options = options;
    this.ns = ns;
    this.journal = journal;
    this.zk = zk;
    this.gate = ns.getHaGate();
    this.tailer = tailer;
    this.roles = roles;
    this.reloader = reloader;
    String id = options.selfId();
    this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "HaController-" + id));
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "HaTicker-" + id));
    this.election = new Election(zk.client(), options.nameserviceZnode(), id,
        () -> submit(this::reevaluate));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Starts as a standby: tails the journal and joins the election. */
  public void start() throws IOException {
    gate.setActiveAddress(this::activeAddress);
    gate.set(HaState.STANDBY, journal.getPromisedEpoch());
    ns.setJournalFailureListener((w, e) -> {
      failedWriter = w;
      submit(() -> onJournalFailure(w, e));
    });
    zk.addListener((client, state) -> {
      if (state == ConnectionState.LOST) {
        sessionLost = true;
      } else if (state == ConnectionState.RECONNECTED || state == ConnectionState.CONNECTED) {
        sessionLost = false;
      }
      LOG.info("NameNode {}: ZooKeeper connection {}", options.selfId(), state);
      submit(() -> onConnection(state));
    });
    tailer.start();
    election.start();
    ticker.scheduleWithFixedDelay(() -> submit(this::tick), 500, 500, TimeUnit.MILLISECONDS);
    submit(this::reevaluate);
  }

  private void submit(ThrowingRunnable r) {
    if (closed) {
      return;
    }
    try {
      events.execute(() -> runLogged(r));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void runLogged(ThrowingRunnable r) {
    if (closed || reloading) {
      return;
    }
    try {
      r.run();
    } catch (Exception | Error e) {
      LOG.error("NameNode {}: HA transition failed", options.selfId(), e);
    }
  }

  private void onConnection(ConnectionState state) throws IOException {
    if (state == ConnectionState.LOST && gate.state() != HaState.STANDBY) {
      stepDown("ZooKeeper session lost", false);
      return;
    }
    reevaluate();
  }

  private void tick() {
    String leader = election.leaderIdNow();
    activeId = leader;
    if (!gate.isActive()) {
      gate.setEpoch(Math.max(gate.epoch(), safePromisedEpoch()));
    }
    runLoggedQuietly(this::reevaluate);
  }

  private void runLoggedQuietly(ThrowingRunnable r) {
    try {
      r.run();
    } catch (Exception e) {
      LOG.warn("NameNode {}: {}", options.selfId(), e.toString());
    }
  }

  private long safePromisedEpoch() {
    try {
      return journal.getPromisedEpoch();
    } catch (IOException e) {
      return gate.epoch();
    }
  }

  /** The decision of every event (controller thread). */
  private void reevaluate() throws IOException {
    boolean connected = zk.isConnected();
    switch (gate.state()) {
      case STANDBY -> {
        if (tailer.getFatalError() != null) {
          leaveElectionForGood();
        } else if (connected && !sessionLost && election.hasLeadership()) {
          becomeActive();
        }
      }
      case ACTIVE -> {
        if (!connected) {
          suspend();
        } else if (sessionLost || !election.hasLeadership()) {
          stepDown("no longer leads the election", false);
        }
      }
      case SUSPENDED -> {
        if (sessionLost) {
          stepDown("ZooKeeper session lost while suspended", false);
        } else if (connected) {
          if (options.selfId().equals(election.leaderIdNow()) && epochStillOurs()) {
            gate.set(HaState.ACTIVE, gate.epoch());
            LOG.info("NameNode {} reconnected to ZooKeeper and still leads with epoch {}:"
                + " active again", options.selfId(), gate.epoch());
          } else {
            stepDown("reconnected to ZooKeeper but no longer the leader with its epoch", false);
          }
        }
      }
      default -> { }
    }
  }

  /**
   * A standby that cannot follow the journal (corruption, or a checkpoint older than the log)
   * must never become active: it leaves the election, so that it cannot hold the leadership
   * and keep another standby from taking over; it keeps refusing clients until an operator
   * repairs it (bootstrapStandby) and restarts it.
   */
  private void leaveElectionForGood() {
    if (leftElection) {
      return;
    }
    leftElection = true;
    election.close();
    LOG.error("NameNode {} left the election: it cannot follow the shared journal ({}); fix it"
        + " (quire namenode -bootstrapStandby) and restart it", options.selfId(),
        tailer.getFatalError().getMessage());
  }

  private boolean epochStillOurs() {
    JournalWriter w = ns.getWriter();
    try {
      return w != null && failedWriter != w && journal.getPromisedEpoch() == w.getEpoch();
    } catch (IOException e) {
      return false;
    }
  }

  private void suspend() {
    gate.set(HaState.SUSPENDED, gate.epoch());
    LOG.warn("NameNode {}: ZooKeeper connection suspended; refusing calls until it is known"
        + " whether this NameNode still leads", options.selfId());
  }

  private void becomeActive() throws IOException {
    long start = System.nanoTime();
    tailer.stop();
    long epoch = journal.getPromisedEpoch() + 1;
    JournalWriter w;
    try {
      w = journal.openForWrite(epoch);
    } catch (FencedException e) {
      LOG.warn("NameNode {} leads the election but could not promise epoch {}: {}; staying"
          + " standby", options.selfId(), epoch, e.getMessage());
      tailer.start();
      return;
    }
    try {
      long caughtUp = tailer.catchUp();
      if (w.getLastAppendedTxId() != ns.getLastAppliedTxId()) {
        throw new IOException("the journal ends at txid " + w.getLastAppendedTxId()
            + " but this NameNode applied up to " + ns.getLastAppliedTxId());
      }
      w.rollSegment();
      failedWriter = null;
      roles.activating();
      ns.setWriter(w);
      gate.set(HaState.ACTIVE, epoch);
      activeId = options.selfId();
      LOG.info("NameNode {} is ACTIVE with epoch {} at txid {} ({} records caught up, {} ms)",
          options.selfId(), epoch, ns.getLastAppliedTxId(), caughtUp,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (IOException | RuntimeException e) {
      LOG.error("NameNode {} could not become active with epoch {}", options.selfId(), epoch, e);
      ns.setWriter(null);
      gate.set(HaState.STANDBY, epoch);
      closeQuietly(w);
      reload("becoming active failed: " + e);
    }
  }

  /**
   * Stops being active (controller thread). With {@code planned} the NameNode also moves to the
   * back of the election line so another one takes over.
   */
  private void stepDown(String reason, boolean planned) throws IOException {
    HaState was = gate.state();
    if (was != HaState.ACTIVE && was != HaState.SUSPENDED) {
      if (planned) {
        election.rejoin();
      }
      return;
    }
    gate.set(HaState.STANDBY, gate.epoch());
    LOG.warn("NameNode {} steps down from {}: {}", options.selfId(), was, reason);
    JournalWriter w = ns.updateVolatileState(() -> {
      JournalWriter current = ns.getWriter();
      ns.setWriter(null);
      return current;
    });
    boolean consistent = true;
    if (w != null) {
      try {
        w.awaitSync(w.getLastAppendedTxId());
      } catch (IOException e) {
        consistent = false;
        LOG.warn("NameNode {}: the journal did not take its last records: {}",
            options.selfId(), e.toString());
      }
      consistent &= failedWriter != w;
      closeQuietly(w);
    }
    roles.deactivated();
    if (!consistent) {
      reload("stepped down with records applied that the journal may not hold (" + reason
          + ")");
      return;
    }
    tailer.start();
    if (planned) {
      election.rejoin();
    }
    LOG.info("NameNode {} is STANDBY at txid {}", options.selfId(), ns.getLastAppliedTxId());
  }

  private void onJournalFailure(JournalWriter w, IOException e) throws IOException {
    if (w == ns.getWriter()) {
      stepDown("journal write failed: " + e, false);
    }
  }

  private void reload(String reason) {
    if (reloading) {
      return;
    }
    reloading = true;
    LOG.warn("NameNode {} reloads its namespace as a standby: {}", options.selfId(), reason);
    Thread t = daemon(() -> reloader.reload(reason), "NameNodeReload-" + options.selfId());
    t.start();
  }

  private static void closeQuietly(JournalWriter w) {
    try {
      w.close();
    } catch (IOException e) {
      LOG.debug("closing a failed journal writer: {}", e.toString());
    }
  }

  // ---- administration ----

  /** Planned step-down: returns once this NameNode is a standby at the back of the line. */
  public void transitionToStandby() throws IOException {
    await(() -> stepDown("administrator asked", true));
  }

  /** A standby moves to the back of the election line (so another standby is next). */
  public void rejoinElection() throws IOException {
    await(() -> {
      if (gate.state() != HaState.STANDBY) {
        throw gate.standby("rejoinElection (this NameNode is " + gate.state()
            + "; use transitionToStandby)");
      }
      election.rejoin();
    });
  }

  private void await(ThrowingRunnable r) throws IOException {
    Future<?> f;
    try {
      f = events.submit(() -> {
        r.run();
        return null;
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new IOException("NameNode " + options.selfId() + " is stopping");
    }
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("HA request interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      throw new IOException(c);
    }
  }

  // ---- status ----

  /** Id of the NameNode believed active (this one when active), or null. */
  public String activeId() {
    return gate.isActive() ? options.selfId() : activeId;
  }

  private String activeAddress() {
    String id = activeId();
    if (id == null && !gate.isActive()) {
      id = election.leaderIdNow(); // not known yet: ask ZooKeeper (the ticker keeps it fresh)
      activeId = id;
    }
    if (id == null || id.equals(options.selfId())) {
      return null;
    }
    java.net.InetSocketAddress a = options.nameservice().member(id).rpc();
    return a.getHostString() + ":" + a.getPort();
  }

  public LogTailer getTailer() { return tailer; }

  public boolean isReloading() { return reloading; }

  /** Leaves the election, stops tailing and the writer (the NameNode is stopping). */
  @Override public void close() {
    closed = true;
    ticker.shutdownNow();
    events.shutdown();
    try {
      if (!events.awaitTermination(30, TimeUnit.SECONDS)) {
        events.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    election.close();
    tailer.stop();
    gate.set(HaState.STOPPING, gate.epoch());
  }
}
