package io.quire.namenode.namesystem;

import io.quire.namenode.blocks.BlockManager;
import io.quire.namenode.blocks.BlockReportProcessor;
import io.quire.namenode.blocks.DecommissionManager;
import io.quire.namenode.blocks.ReplicationMonitor;
import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.conf.ReplicationOptions;
import io.quire.namenode.datanodes.ClientHostResolver;
import io.quire.namenode.datanodes.DataNodeManager;
import io.quire.namenode.journal.JournalSyncer;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.leases.LeaseManager;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namespace.InodeTree;
import io.quire.namenode.ops.NamespaceState;
import io.quire.namenode.ops.OpContext;
import io.quire.namenode.ops.OpResult;
import io.quire.namenode.ops.Operations;
import io.quire.namenode.ops.RecordApplier;
import io.quire.namenode.records.EditRecord;
import io.quire.namenode.records.EditRecord.RpcCall;
import io.quire.namenode.records.RecordCodec;
import io.quire.namenode.safemode.SafeModeManager;
import io.quire.protocol.rpc.DeferredAnswer;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The NameNode's state behind one read-write lock, and the one way to change it:
 * {@link #mutate} validates under the write lock, journals the records ({@link
 * JournalWriter#append}), applies them with the same {@link RecordApplier} replay uses, and
 * after releasing the lock makes sure nobody hears of the change before its records are on
 * disk ({@link JournalWriter#awaitSync}, group commit). A client mutation served over IPC does
 * not wait for that on its handler thread: with a {@link JournalSyncer} set, its answer is held
 * ({@link DeferredAnswer}) and leaves once the syncer's sync covered its records, or as an error
 * when that sync failed, and the handler takes the next call at once (as HDFS's
 * FSEditLogAsync). Other callers wait for the sync themselves. Reads run under the read lock.
 */
public final class Namesystem {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Namesystem.class);
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(false);
  private final NameNodeOptions options;
  private final NamespaceState state;
  private final RecordApplier applier;
  private final DataNodeManager datanodes;
  private final BlockReportProcessor reports;
  private final ReplicationMonitor replication;
  private final DecommissionManager decommission;
  private final JournalSyncTimer syncTimer = new JournalSyncTimer();
  private final SafeModeManager safeMode;
  private final Operations ops;
  private final ClientHostResolver clientHosts;
  private final LongSupplier clock;
  private volatile JournalWriter writer;
  private volatile long lastAppliedTxId;
  private final NameNodeFaultInjector faults = new NameNodeFaultInjector();
  private volatile HaGate gate = HaGate.single();
  private volatile Consumer<RpcCall> replayedCalls = c -> { };
  private volatile JournalFailureListener journalFailures = (w, e) -> { };
  private volatile JournalSyncer syncer;
  private final ThreadLocal<SyncPoint> lastSyncPoint = new ThreadLocal<>();

  /**
   * Where the records a mutation's answer depends on end: its own records, or (when it
   * journaled nothing) the last ones appended before it, which it may have read.
   */
  public record SyncPoint(JournalWriter writer, long txId) { }

  /** Told when appending to or syncing the journal failed (the writer is unusable after). */
  @FunctionalInterface
  public interface JournalFailureListener {
    void journalFailed(JournalWriter writer, IOException cause);
  }

  /**
   * The rack of each DataNode comes from the topology mapping the NameNode sets
   * ({@link DataNodeManager#setRackResolver}); until then every node is on the default rack.
   */
  public Namesystem(NameNodeOptions options, String clusterId, CallerResolver callers,
      LongSupplier clock) {
    this.options = options;
    this.clock = clock;
    this.datanodes = new DataNodeManager(clusterId, clock, options.heartbeatStaleMs(),
        options.heartbeatExpireMs());
    BlockManager blocks = new BlockManager(datanodes, options.minReplication());
    LeaseManager leases = new LeaseManager(clock, options.leaseSoftLimitMs(),
        options.leaseHardLimitMs());
    this.state = new NamespaceState(new InodeTree(callers.getFsOwner(), callers.getSuperGroup(),
        clock.getAsLong()), blocks, leases);
    this.applier = new RecordApplier(state);
    this.reports = new BlockReportProcessor(blocks);
    ReplicationOptions replicationOptions = options.replication();
    this.replication = new ReplicationMonitor(blocks, replicationOptions, clock);
    blocks.setExpectedReplicaDeadline(
        () -> clock.getAsLong() + replicationOptions.pendingTimeoutMs());
    this.decommission = new DecommissionManager(blocks);
    this.safeMode = new SafeModeManager(options, blocks, datanodes, clock);
    blocks.setSafeModeSupplier(safeMode::isOn);
    this.ops = new Operations(new OpContext(state, options, clock, callers));
    this.clientHosts = new ClientHostResolver(clock, options.clientHostResolveTimeoutMs(),
        options.clientHostCacheSize(), options.clientHostCacheExpiryMs());
  }

  /** Validation that produces records and an answer (runs under the write lock). */
  @FunctionalInterface
  public interface Validation<T> {
    OpResult<T> validate() throws IOException;
  }

  /** A read (runs under the read lock). */
  @FunctionalInterface
  public interface Read<T> {
    T read() throws IOException;
  }

  /**
   * A change to state the journal does not hold (replica locations, DataNode liveness, queues:
   * what DataNodes report to every NameNode and monitors rebuild), under the write lock.
   */
  @FunctionalInterface
  public interface VolatileUpdate<T> {
    T update() throws IOException;
  }

  /**
   * Runs a client mutation: validate, journal, apply, then (outside the lock) make its answer
   * wait until the journal is synced up to this operation's records: inside an IPC call with a
   * syncer set, the answer is held and this returns at once (the caller sees the answer, or
   * this method's exception, only after the sync); otherwise it waits here, and when it returns
   * normally the change is durable.
   *
   * @throws io.quire.protocol.exceptions.SafeModeException while in safe mode
   */
  public <T> T mutate(String op, String path, Validation<T> v) throws IOException {
    gate.checkActive(op + " " + path);
    safeMode.checkWritable(op, path);
    return run(op + " " + path, v, true);
  }

  /**
   * As {@link #mutate} but allowed in safe mode (DataNode-driven updates).
   *
   * @throws org.apache.hadoop.ipc.StandbyException when this NameNode is not the active one,
   *     or its journal writer failed or was fenced during this call (the caller retries on the
   *     active: an {@code @AtMostOnce} call is recognised there from its RPC_CALL record)
   */
  public <T> T mutateEvenInSafeMode(Validation<T> v) throws IOException {
    return run("mutation", v, false);
  }

  private <T> T run(String op, Validation<T> v, boolean mayHold) throws IOException {
    JournalWriter w;
    long syncTo;
    T answer = null;
    IOException failure = null;
    lock.writeLock().lock();
    try {
      // Under the lock: a step-down clears the writer under this lock, so a mutation either
      // appends before it (and is synced by it) or sees no writer here.
      w = writer;
      HaGate g = gate;
      if (w == null || !g.isActive()) {
        if (!g.isActive()) {
          throw g.standby(op);
        }
        throw new IOException(op + ": the namesystem accepts no mutations: it is starting,"
            + " stopping, or stopped after a failed apply (see the NameNode log)");
      }
      OpResult<T> r = v.validate();
      io.quire.namenode.ops.ReservedRecords.check(op, r.records());
      if (r.records().isEmpty()) {
        syncTo = w.getLastAppendedTxId();
      } else {
        faults.run(NameNodeFaultInjector.Point.BEFORE_JOURNAL_APPEND, r.records());
        try {
          syncTo = w.append(RecordCodec.encodeAll(r.records()));
        } catch (IOException e) {
          throw journalFailed(w, e);
        }
        applyJournaled(r.records(), syncTo);
      }
      try {
        answer = r.answer().get();
      } catch (IOException e) {
        failure = e; // thrown once the records that led to it are durable
      }
    } finally {
      lock.writeLock().unlock();
    }
    SyncPoint point = new SyncPoint(w, syncTo);
    if (mayHold) {
      lastSyncPoint.set(point); // for the retry cache (client calls only)
    }
    if (!mayHold || !holdAnswer(point, true)) {
      awaitSync(point);
      faults.run(NameNodeFaultInjector.Point.AFTER_JOURNAL_SYNC, syncTo);
    }
    if (failure != null) {
      throw failure;
    }
    return answer;
  }

  /** Waits here until the journal is synced up to {@code p}. */
  private void awaitSync(SyncPoint p) throws IOException {
    long syncStart = System.nanoTime();
    try {
      p.writer().awaitSync(p.txId());
    } catch (IOException e) {
      throw journalFailed(p.writer(), e);
    }
    syncTimer.add(System.nanoTime() - syncStart);
  }

  /**
   * Holds the answer of the current IPC call until the syncer synced up to {@code p}
   * ({@link DurableAnswer}); false when it cannot be held (no syncer, or not an IPC call).
   */
  private boolean holdAnswer(SyncPoint p, boolean firstAnswer) {
    JournalSyncer s = syncer;
    DeferredAnswer held = s == null ? null : DeferredAnswer.hold();
    if (held == null) {
      return false;
    }
    s.whenSynced(p.writer(), p.txId(), new DurableAnswer(this, held, p, firstAnswer));
    return true;
  }

  /**
   * The sync point of the last mutation run by this thread, taken (a second call returns
   * null): what a repeat of that call must wait for before it answers (the retry cache).
   */
  public SyncPoint takeSyncPoint() {
    SyncPoint p = lastSyncPoint.get();
    lastSyncPoint.remove();
    return p;
  }

  /**
   * Makes the answer of the current call wait until the journal is synced up to {@code p}
   * (null: nothing to wait for): held as {@link #mutate} holds it, or waited for here. A
   * repeated call answered from the retry cache waits so for the sync of the first one.
   */
  public void answerAfter(SyncPoint p) throws IOException {
    if (p != null && !holdAnswer(p, false)) {
      awaitSync(p);
    }
  }

  /**
   * The journal refused or failed a write: the listener (the HA controller) steps this
   * NameNode down; the caller gets a StandbyException in HA (retry on the active), the
   * journal's own exception on a single NameNode.
   */
  IOException journalFailed(JournalWriter w, IOException e) {
    journalFailures.journalFailed(w, e);
    HaGate g = gate;
    if (g.nameNodeId().isEmpty()) {
      return e;
    }
    org.apache.hadoop.ipc.StandbyException s = g.standby("mutation (journal: " + e + ")");
    s.initCause(e);
    return s;
  }

  /**
   * Applies records just journaled. A record that validation accepted but apply rejects means
   * memory and journal disagree: the namesystem stops taking mutations (restart replays the
   * journal) rather than run on a state the journal does not describe.
   */
  private void applyJournaled(java.util.List<EditRecord> records, long lastTxId)
      throws IOException {
    try {
      for (EditRecord rec : records) {
        applier.apply(rec);
      }
      lastAppliedTxId = lastTxId;
    } catch (RuntimeException e) {
      writer = null;
      LOG.error("Applying journaled records up to txid {} failed; the namesystem stops "
          + "accepting mutations (restart the NameNode to replay its journal)", lastTxId, e);
      throw new IOException("apply of journaled records up to txid " + lastTxId
          + " failed: " + e + "; restart the NameNode", e);
    }
  }

  public <T> T read(Read<T> r) throws IOException {
    lock.readLock().lock();
    try {
      return r.read();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs {@code u} under the write lock: volatile bookkeeping (reports, monitors) that is never
   * journaled; a change of the namespace goes through {@link #mutate} instead.
   */
  public <T> T updateVolatileState(VolatileUpdate<T> u) throws IOException {
    lock.writeLock().lock();
    try {
      return u.update();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Replay: applies a journal record at startup (or on a standby); an {@link RpcCall} record
   * goes to the retry cache ({@link #setReplayedCallSink}).
   */
  public void replay(EditRecord rec, long txId) {
    lock.writeLock().lock();
    try {
      applier.apply(rec);
      lastAppliedTxId = txId;
    } finally {
      lock.writeLock().unlock();
    }
    if (rec instanceof RpcCall c) {
      replayedCalls.accept(c);
    }
  }

  /** Where replayed {@link RpcCall} records go (the RPC server's retry cache). */
  public void setReplayedCallSink(Consumer<RpcCall> sink) {
    this.replayedCalls = sink;
  }

  /**
   * From now on client mutations served over IPC hold their answers until {@code s} synced
   * their records, instead of waiting on the handler thread (null: they wait).
   */
  public void setJournalSyncer(JournalSyncer s) {
    this.syncer = s;
  }

  /** The syncer that lets held answers go, or null when mutations wait themselves. */
  public JournalSyncer getJournalSyncer() { return syncer; }

  /** Who is told of journal write failures (the HA controller). */
  public void setJournalFailureListener(JournalFailureListener l) {
    this.journalFailures = l;
  }

  /** The HA state every call checks; a single NameNode's is always active. */
  public HaGate getHaGate() { return gate; }

  public void setHaGate(HaGate g) { this.gate = g; }

  /** How writers' client host names are looked up (tests inject a resolver that blocks). */
  public void setHostLookup(io.quire.namenode.datanodes.HostLookup l) {
    clientHosts.setLookup(l);
  }

  /** Resolves writers' host names; call it before taking the lock (it may wait for DNS). */
  public ClientHostResolver getClientHosts() { return clientHosts; }

  /** Starts accepting mutations through {@code w}. */
  public void setWriter(JournalWriter w) {
    this.writer = w;
  }

  public JournalWriter getWriter() { return writer; }
  public long getLastAppliedTxId() { return lastAppliedTxId; }
  void setLastAppliedTxId(long txId) { this.lastAppliedTxId = txId; }
  public ReentrantReadWriteLock getLock() { return lock; }
  public NameNodeOptions getOptions() { return options; }
  public NamespaceState getState() { return state; }
  public BlockManager getBlockManager() { return state.blockManager(); }
  public DataNodeManager getDataNodeManager() { return datanodes; }
  public BlockReportProcessor getBlockReports() { return reports; }
  public ReplicationMonitor getReplication() { return replication; }
  public DecommissionManager getDecommission() { return decommission; }
  /** Time spent waiting for the journal sync of mutations (metrics). */
  public JournalSyncTimer getSyncTimer() { return syncTimer; }
  public SafeModeManager getSafeMode() { return safeMode; }
  public Operations ops() { return ops; }
  public LongSupplier getClock() { return clock; }
  public NameNodeFaultInjector getFaultInjector() { return faults; }
}
