package io.quire.namenode;

import io.quire.namenode.journal.JournalWriter;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.rpc.NameNodeRpcServer;
import io.quire.namenode.rpc.RetryCacheSupport;
import io.quire.namenode.rpc.SingleNameNodeHaAdmin;
import io.quire.namenode.storage.NameNodeStorage;
import io.quire.protocol.types.HaState;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.service.CompositeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameNode service: opens its storage, loads checkpoint + journal into the
 * {@link Namesystem}, opens the journal for writing with a new epoch, serves RPC, and runs the
 * monitor and checkpointer threads. Command line: {@link #main} (see {@link NameNodeMain}).
 */
public class NameNode extends CompositeService {
  private static final Logger LOG = LoggerFactory.getLogger(NameNode.class);

  private Configuration conf;
  private NameNodeOptions options;
  private NameNodeStorage storage;
  private Namesystem namesystem;
  private NameNodeRpcServer rpc;
  private Checkpointer checkpointer;
  private NamesystemMonitor monitor;
  private io.quire.namenode.metrics.NameNodeMetrics metrics;
  private final ThreadGroup threads = new ThreadGroup("NameNode");

  public NameNode() {
    super("NameNode");
  }

  @Override protected void serviceInit(Configuration c) throws Exception {
    this.conf = new Configuration(c);
    this.options = NameNodeOptions.from(conf);
    LOG.info("NameNode options: {}", options);
    super.serviceInit(c);
  }

  @Override protected void serviceStart() throws Exception {
    storage = NameNodeStorage.open(options.nameDir());
    String fsOwner = UserGroupInformation.getCurrentUser().getShortUserName();
    CallerResolver callers = new CallerResolver(fsOwner, options.superGroup());
    namesystem = new Namesystem(options, storage.getClusterId(), callers,
        System::currentTimeMillis, conf);
    RetryCacheSupport retryCache = new RetryCacheSupport(options.retryCacheHeapPercent(),
        options.retryCacheExpiryMs());
    namesystem.setReplayedCallSink(retryCache::addReplayed);
    long loaded = NamesystemLoader.load(namesystem, storage.getJournal(),
        storage.getCheckpointStore());
    JournalWriter w = NamesystemLoader.openForWrite(namesystem, storage.getJournal());
    namesystem.getHaGate().set(HaState.ACTIVE, w.getEpoch());
    namesystem.read(() -> {
      namesystem.getSafeMode().check();
      return null;
    });
    checkpointer = new Checkpointer(namesystem, storage.getJournal(),
        storage.getCheckpointStore(), loaded);
    rpc = new NameNodeRpcServer(conf, namesystem, callers, storage.getLayoutVersion(),
        retryCache, new SingleNameNodeHaAdmin(namesystem, checkpointer::getLastCheckpointTxId));
    rpc.start();
    monitor = new NamesystemMonitor(namesystem);
    daemon(checkpointer, "NameNode-checkpointer");
    daemon(monitor, "NameNode-monitor");
    metrics = new io.quire.namenode.metrics.NameNodeMetrics(namesystem).register();
    LOG.info("NameNode of cluster {} serving at {} (safe mode {})", storage.getClusterId(),
        rpc.getAddress(), namesystem.getSafeMode().isOn() ? "on" : "off");
    super.serviceStart();
  }

  private void daemon(Runnable r, String name) {
    Thread t = new Thread(threads, r, name);
    t.setDaemon(true);
    t.start();
  }

  @Override protected void serviceStop() throws Exception {
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
    if (rpc != null) {
      rpc.stop();
    }
    JournalWriter w = namesystem == null ? null : namesystem.getWriter();
    if (w != null) {
      namesystem.setWriter(null);
      closeQuietly(w);
    }
    if (storage != null) {
      closeQuietly(storage);
    }
    super.serviceStop();
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.warn("Closing {} failed", c, e);
    }
  }

  /** The bound RPC address (valid once started). */
  public InetSocketAddress getRpcAddress() {
    return rpc.getAddress();
  }

  public boolean isInSafeMode() {
    return namesystem.getSafeMode().isOn();
  }

  /** Saves a checkpoint now; when this returns it is durable and the journal was purged. */
  public void saveCheckpointNow() throws IOException {
    checkpointer.saveCheckpointNow();
  }

  /** {@code quire namenode [-format [-force]]}. */
  public static void main(String[] args) {
    NameNodeMain.main(args);
  }

  public Namesystem getNamesystem() { return namesystem; }
  public NameNodeRpcServer getRpcServer() { return rpc; }
  public NamesystemMonitor getMonitor() { return monitor; }

  /** This NameNode's metrics2 source (null when not started). */
  public io.quire.namenode.metrics.NameNodeMetrics getMetrics() { return metrics; }
  public NameNodeOptions getOptions() { return options; }

  /**
   * Formats {@code quire.namenode.name.dir}: a new cluster id and an empty namespace saved as
   * the checkpoint at txid 0. Refuses a directory holding data unless {@code force}.
   */
  public static String format(Configuration conf, boolean force) throws IOException {
    NameNodeOptions o = NameNodeOptions.from(conf);
    String clusterId = NameNodeStorage.format(o.nameDir(), force);
    try (NameNodeStorage s = NameNodeStorage.open(o.nameDir())) {
      String fsOwner = UserGroupInformation.getCurrentUser().getShortUserName();
      Namesystem ns = new Namesystem(o, clusterId, new CallerResolver(fsOwner, o.superGroup()),
          System::currentTimeMillis);
      s.getCheckpointStore().saveAndSync(0,
          out -> io.quire.namenode.ops.NamespaceImage.write(ns.getState(), out));
    }
    return clusterId;
  }
}
