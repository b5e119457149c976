package io.quire.namenode;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.datanodes.RackResolver;
import io.quire.namenode.ha.HaAdminHandler;
import io.quire.namenode.ha.HaController;
import io.quire.namenode.ha.HaOptions;
import io.quire.namenode.ha.LogTailer;
import io.quire.namenode.ha.NamesystemRoles;
import io.quire.namenode.ha.SharedJournalRetention;
import io.quire.namenode.ha.ZkConnection;
import io.quire.namenode.journal.Journal;
import io.quire.namenode.journal.JournalSyncer;
import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.journal.TxIdNotRetainedException;
import io.quire.namenode.journal.zk.ZkCheckpointRegistry;
import io.quire.namenode.journal.zk.ZkJournal;
import io.quire.namenode.metrics.NameNodeMetrics;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namesystem.Checkpointer;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.namesystem.NamesystemLoader;
import io.quire.namenode.namesystem.NamesystemMonitor;
import io.quire.namenode.rpc.NameNodeRpcServer;
import io.quire.namenode.rpc.RetryCacheSupport;
import io.quire.namenode.rpc.SingleNameNodeHaAdmin;
import io.quire.namenode.security.BlockKeyManager;
import io.quire.namenode.storage.NameNodeStorage;
import io.quire.protocol.ha.HaAdminProtocol;
import io.quire.protocol.types.HaState;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a NameNode's services, from opening its storage to closing it: namesystem, journal
 * (its own file journal, or in HA the shared ZooKeeper journal), RPC server,
 * checkpointer, monitor, metrics, and in HA the log tailer and the HA controller. The NameNode
 * service starts one at start-up and, in HA, replaces it with a fresh one when it must reload
 * its namespace (see {@link HaController}). {@link #close} stops everything it started, in
 * reverse order; a failed start closes what it had started.
 */
final class NameNodeRuntime implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(NameNodeRuntime.class);

  private final List<Closeable> started = new ArrayList<>();
  private final ThreadGroup threads = new ThreadGroup("NameNode");
  private NameNodeStorage storage;
  private Namesystem namesystem;
  private NameNodeRpcServer rpc;
  private Checkpointer checkpointer;
  private NamesystemMonitor monitor;
  private NameNodeMetrics metrics;
  private HaController controller;
  private BlockKeyManager blockKeys;
  private UserGroupInformation serviceUser;

  private NameNodeRuntime() {}

  /**
   * Opens storage, loads the namespace, and serves: a single NameNode as the active, an HA one
   * as a standby that joins the election.
   */
  static NameNodeRuntime start(Configuration conf, NameNodeOptions options,
      Optional<HaOptions> ha, HaController.Reloader reloader, BlockKeyManager blockKeys,
      UserGroupInformation serviceUser) throws IOException {
    NameNodeRuntime r = new NameNodeRuntime();
    r.blockKeys = blockKeys;
    r.serviceUser = serviceUser;
    boolean ok = false;
    try {
      r.startServices(conf, options, ha, reloader);
      ok = true;
      return r;
    } finally {
      if (!ok) {
        r.close();
      }
    }
  }

  private void startServices(Configuration conf, NameNodeOptions options,
      Optional<HaOptions> ha, HaController.Reloader reloader) throws IOException {
    storage = NameNodeStorage.open(options.nameDir());
    started.add(storage);
    String fsOwner = serviceUser.getShortUserName();
    CallerResolver callers = new CallerResolver(fsOwner, options.superGroup());
    namesystem = new Namesystem(options, storage.getClusterId(), callers,
        System::currentTimeMillis);
    namesystem.getDataNodeManager().setRackResolver(RackResolver.from(conf));
    RetryCacheSupport retryCache = new RetryCacheSupport(options.retryCacheHeapPercent(),
        options.retryCacheExpiryMs());
    namesystem.setReplayedCallSink(retryCache::addReplayed);
    JournalSyncer syncer = new JournalSyncer("NameNode-journal-syncer");
    started.add(syncer);
    namesystem.setJournalSyncer(syncer);

    Journal journal = storage.getJournal();
    ZkCheckpointRegistry registry = null;
    if (ha.isPresent()) {
      HaOptions h = ha.get();
      namesystem.setHaGate(HaGate.member(h.selfId()));
      namesystem.getBlockManager().setStandby(true);
      ZkConnection zk = ZkConnection.connect(h.zkQuorum(), h.sessionTimeoutMs());
      started.add(zk);
      ZkJournal.checkClusterId(zk.client(), h.nameserviceZnode(), storage.getClusterId());
      ZkJournal shared = new ZkJournal(zk.client(), h.nameserviceZnode(), h.selfId(),
          h.journalOptions());
      started.add(shared);
      journal = shared;
      registry = new ZkCheckpointRegistry(zk.client(), h.nameserviceZnode(),
          h.journalOptions());
      try {
        NamesystemLoader.load(namesystem, journal, storage.getCheckpointStore());
      } catch (TxIdNotRetainedException e) {
        throw new TxIdNotRetainedException("NameNode " + h.selfId() + " cannot start: its"
            + " newest checkpoint in " + options.nameDir() + " is older than what the shared"
            + " journal still holds (" + e.getMessage() + "). Run `quire namenode"
            + " -bootstrapStandby -force` on it to copy a current checkpoint from a running"
            + " NameNode.");
      }
      ZkCheckpointRegistry reg = registry;
      Journal sharedJournal = journal;
      // What this NameNode needs kept: every record after its oldest image (a restart falls
      // back to it if the newest is damaged), not after the txid it replayed up to.
      List<Long> images = storage.getCheckpointStore().listTxIds();
      reg.publishCheckpoint(h.selfId(), images.isEmpty() ? 0 : images.get(0));
      checkpointer = new Checkpointer(namesystem, journal, storage.getCheckpointStore(),
          newestImage(images), new SharedJournalRetention(h.selfId(), reg, sharedJournal,
              namesystem.getHaGate()));
      NamesystemRoles roles = new NamesystemRoles(namesystem);
      LogTailer tailer = new LogTailer(h.selfId(), namesystem, journal, h.tailMaxWaitMs(),
          roles::afterTailBatch);
      controller = new HaController(h, namesystem, journal, zk, tailer, roles, reloader);
      HaAdminProtocol admin = new HaAdminHandler(h, namesystem, controller, callers,
          checkpointer::getLastCheckpointTxId,
          () -> namesystem.getBlockManager().getQueuedMessageCount());
      startServing(conf, callers, retryCache, admin);
      controller.start();
      started.add(controller);
    } else {
      NamesystemLoader.load(namesystem, journal, storage.getCheckpointStore());
      JournalWriter w = NamesystemLoader.openForWrite(namesystem, journal);
      namesystem.getHaGate().set(HaState.ACTIVE, w.getEpoch());
      namesystem.setJournalFailureListener(new JournalFailureStop(namesystem.getHaGate()));
      checkpointer = new Checkpointer(namesystem, journal, storage.getCheckpointStore(),
          newestImage(storage.getCheckpointStore().listTxIds()));
      startServing(conf, callers, retryCache,
          new SingleNameNodeHaAdmin(namesystem, checkpointer::getLastCheckpointTxId));
    }
    namesystem.read(() -> {
      namesystem.getSafeMode().check();
      return null;
    });
    monitor = new NamesystemMonitor(namesystem);
    daemon(checkpointer, "NameNode-checkpointer");
    daemon(monitor, "NameNode-monitor");
    metrics = (controller == null ? new NameNodeMetrics(namesystem)
        : new NameNodeMetrics(namesystem, controller.getTailer()::getLastSeenTxId)).register();
    LOG.info("NameNode {}of cluster {} serving at {} ({}, safe mode {})",
        ha.map(h -> h.selfId() + " ").orElse(""), storage.getClusterId(), rpc.getAddress(),
        namesystem.getHaGate().state(),
        namesystem.getSafeMode().isOn() ? "on" : "off");
  }

  /**
   * The txid of the newest image: the next checkpoint is due that many transactions after it,
   * however many records the start replayed on top of it.
   */
  private static long newestImage(List<Long> images) {
    return images.isEmpty() ? 0 : images.get(images.size() - 1);
  }

  private void startServing(Configuration conf, CallerResolver callers,
      RetryCacheSupport retryCache, HaAdminProtocol admin) throws IOException {
    rpc = new NameNodeRpcServer(conf, namesystem, callers, storage.getLayoutVersion(),
        retryCache, admin, blockKeys, serviceUser);
    rpc.start();
  }

  private void daemon(Runnable r, String name) {
    Thread t = new Thread(threads, r, name);
    t.setDaemon(true);
    t.start();
  }

  Namesystem namesystem() { return namesystem; }
  NameNodeRpcServer rpc() { return rpc; }
  Checkpointer checkpointer() { return checkpointer; }
  NamesystemMonitor monitor() { return monitor; }
  NameNodeMetrics metrics() { return metrics; }
  /** The HA controller, or null for a single NameNode. */
  HaController controller() { return controller; }
  NameNodeStorage storage() { return storage; }

  /**
   * Stops everything: monitors, the HA controller (leaves the election, stops tailing), the
   * RPC and HTTP servers, then the journal writer (synced and closed), then the rest newest
   * first (shared journal, ZooKeeper connection, storage).
   */
  @Override public void close() {
    if (metrics != null) {
      metrics.unregister();
      metrics = null;
    }
    if (monitor != null) {
      monitor.stop();
    }
    if (checkpointer != null) {
      checkpointer.stop();
    }
    threads.interrupt();
    if (controller != null) {
      closeQuietly(controller);
    }
    if (rpc != null) {
      rpc.stop();
    }
    if (namesystem != null) {
      closeWriter();
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      Closeable c = started.get(i);
      if (c != controller) {
        closeQuietly(c);
      }
    }
    started.clear();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Stopping {} failed", c, e);
    }
  }

  private void closeWriter() {
    JournalWriter w = namesystem.getWriter();
    if (w != null) {
      namesystem.setWriter(null);
      try {
        w.close();
      } catch (IOException e) {
        LOG.warn("Closing the journal writer failed", e);
      }
    }
  }
}
