package io.quire.datanode;

import io.quire.datanode.conf.DataNodeConfigKeys;
import io.quire.datanode.conf.DataNodeOptions;
import io.quire.datanode.faults.DataNodeFaultInjector;
import io.quire.datanode.http.DataNodeHttpServer;
import io.quire.datanode.metrics.DataNodeMetrics;
import io.quire.datanode.nnactor.ActorContext;
import io.quire.datanode.nnactor.CommandAuthority;
import io.quire.datanode.nnactor.CommandExecutor;
import io.quire.datanode.nnactor.NameNodeActors;
import io.quire.datanode.nnactor.NameNodeConnector;
import io.quire.datanode.nnactor.RpcNameNodeConnector;
import io.quire.datanode.recovery.BlockRecoveryWorker;
import io.quire.datanode.scanner.BlockScanner;
import io.quire.datanode.scanner.CorruptReplicaReporter;
import io.quire.datanode.scanner.DirectoryScanner;
import io.quire.datanode.security.BlockTokens;
import io.quire.datanode.security.DataNodeLogin;
import io.quire.datanode.storage.DataStorage;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.storage.Replica;
import io.quire.datanode.transfer.BlockOpClient;
import io.quire.datanode.transfer.BlockTransferClient;
import io.quire.datanode.transfer.BufferBudget;
import io.quire.datanode.transfer.DataTransferServer;
import io.quire.datanode.transfer.TransferContext;
import io.quire.protocol.security.KeytabRelogin;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeId;
import java.io.File;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.service.CompositeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quire DataNode: block storage ({@link FsDataset}), the TCP data-transfer server, one
 * actor per NameNode listed in {@code quire.namenode.rpc-address}, and the block and directory
 * scanners that find corrupt, missing and stray replicas in the background. Lifecycle:
 * {@code new DataNode()}, {@code init(conf)} (reads options, opens and scans storage),
 * {@code start()} (serves the web UI at {@code quire.datanode.http-address}, see
 * {@link DataNodeHttpServer}, binds the data port, then contacts the NameNodes), {@code stop()}.
 */
public class DataNode extends CompositeService {
  private static final Logger LOG = LoggerFactory.getLogger(DataNode.class);
  /** How often a Kerberos DataNode checks whether its ticket needs renewing from the keytab. */
  private static final long RELOGIN_CHECK_MS = 60_000;

  /** Null: the RPC connector, calling as this DataNode's user (made at init). */
  private final NameNodeConnector injectedConnector;
  private final DataNodeFaultInjector faults = new DataNodeFaultInjector();
  private DataNodeOptions options;
  private DataStorage storage;
  private FsDataset dataset;
  private DataTransferServer transferServer;
  private NameNodeActors actors;
  private DataNodeMetrics metrics;
  private CorruptReplicaReporter corruptReporter;
  private BlockScanner blockScanner;
  private DirectoryScanner directoryScanner;
  private volatile TransferContext transferContext;
  private BlockTokens tokens;
  private KeytabRelogin relogin;
  private DataNodeHttpServer http;

  public DataNode() {
    this(null);
  }

  /** A DataNode that reaches its NameNodes through {@code connector} (tests inject fakes). */
  public DataNode(NameNodeConnector connector) {
    super("DataNode");
    this.injectedConnector = connector;
  }

  @Override protected void serviceInit(Configuration conf) throws Exception {
    options = DataNodeOptions.from(conf);
    LOG.info("DataNode starting with {}", options);
    LOG.info("DataNode transfer threads: at most {} concurrent streams, one thread each (set {}"
        + " to change); command threads (re-replication, recovery): {}",
        options.transferThreads(), DataNodeConfigKeys.TRANSFER_THREADS_KEY,
        options.commandThreads());
    // Under Kerberos its principal from its keytab; every NameNode proxy calls as it.
    UserGroupInformation user = DataNodeLogin.login(conf, options.blockTokenEnabled(),
        options.advertisedHost());
    if (UserGroupInformation.isSecurityEnabled()) {
      LOG.info("DataNode authenticates to NameNodes as {}", user);
    }
    relogin = KeytabRelogin.start(user, RELOGIN_CHECK_MS);
    NameNodeConnector connector = injectedConnector != null ? injectedConnector
        : new RpcNameNodeConnector(user);
    storage = DataStorage.open(options.dataDirs());
    dataset = new FsDataset(storage);
    corruptReporter = new CorruptReplicaReporter(b -> actors.reportBadReplica(b));
    metrics = DataNodeMetrics.create(storage.getDataNodeUuid(), this::getActiveTransfers);
    tokens = new BlockTokens(options.blockTokenEnabled(), System::currentTimeMillis);
    TransferContext tctx = new TransferContext(dataset, options, faults, metrics,
        corruptReporter, tokens);
    transferServer = new DataTransferServer(tctx);
    addService(transferServer);
    BlockRecoveryWorker recovery = new BlockRecoveryWorker(this::getDataNodeId, dataset,
        new BlockOpClient(options, tokens), () -> actors.proxies());
    CommandExecutor commands = new CommandExecutor(dataset,
        new BlockTransferClient(dataset, options, tctx.getBuffers(), tokens), recovery,
        this::reportSentCorrupt, options.commandThreads().threads());
    actors = new NameNodeActors(new ActorContext(conf, options, storage, dataset,
        this::getDataNodeId, tctx::getActiveTransfers, commands, connector, faults, metrics,
        new CommandAuthority(), tokens));
    dataset.addListener(actors);
    addService(actors);
    blockScanner = new BlockScanner(dataset, options.scanBytesPerSecond(),
        options.scanPeriodMs(), corruptReporter, metrics);
    addService(blockScanner);
    directoryScanner = new DirectoryScanner(dataset, options.directoryScanIntervalMs(),
        corruptReporter);
    addService(directoryScanner);
    this.transferContext = tctx;
    super.serviceInit(conf);
  }

  /** Binds the web UI first: a port in use fails the start before any NameNode hears of us. */
  @Override protected void serviceStart() throws Exception {
    http = new DataNodeHttpServer(getConfig(), options.httpAddress(),
        DataNodeConfigKeys.HTTP_ADDRESS_KEY, new DataNodeWebView(this));
    LOG.info("DataNode {} web UI at http://{}:{}/", getDataNodeUuid(),
        http.getAddress().getHostString(), http.getAddress().getPort());
    super.serviceStart();
  }

  @Override protected void serviceStop() throws Exception {
    if (relogin != null) {
      relogin.close();
    }
    try {
      if (http != null) {
        http.close();
        http = null;
      }
      super.serviceStop();
    } finally {
      if (metrics != null) {
        metrics.unregister();
      }
      if (storage != null) {
        storage.close(); // last: nothing touches the directories any more
      }
    }
  }

  /** A transfer receiver found our replica's data corrupt: mark and report it once. */
  private void reportSentCorrupt(Block b) {
    Replica r = dataset.getReplica(b.getBlockId());
    if (r != null && r.getGenerationStamp() == b.getGenerationStamp()) {
      corruptReporter.report(r, "TRANSFER receiver", "checksum mismatch in the data sent");
    } else {
      actors.reportBadReplica(b);
    }
  }

  /** Data-transfer connections being served right now. */
  public int getActiveTransfers() {
    return transferContext == null ? 0 : transferContext.getActiveTransfers();
  }

  /** The packet buffer budget of this DataNode's transfers (bytes in use, capacity). */
  public BufferBudget getTransferBuffers() { return transferContext.getBuffers(); }

  /** The bound address of the data-transfer server (after start). */
  public InetSocketAddress getDataAddress() {
    return transferServer.getAddress();
  }

  /** The bound address of the HTTP server (web UI), or null when it is not running. */
  public InetSocketAddress getHttpAddress() {
    DataNodeHttpServer h = http;
    return h == null ? null : h.getAddress();
  }

  /** The UUID stored in this DataNode's storage directories. */
  public String getDataNodeUuid() {
    return dataset.getStorage().getDataNodeUuid();
  }

  /** Identity and advertised data address (after start). */
  public DataNodeId getDataNodeId() {
    return new DataNodeId(getDataNodeUuid(), options.advertisedHost(),
        getDataAddress().getPort());
  }

  public DataNodeOptions getOptions() { return options; }

  /** The replica store; tests use it to find, corrupt or inspect replicas. */
  public FsDataset getFsDataset() { return dataset; }

  /** Block file of this node's replica of {@code blockId}, or null. */
  public File getBlockFile(long blockId) { return dataset.getBlockFile(blockId); }

  /** Meta (checksum) file of this node's replica of {@code blockId}, or null. */
  public File getMetaFile(long blockId) { return dataset.getMetaFile(blockId); }

  /** This node's fault-injection points (no-ops unless a test sets them). */
  public DataNodeFaultInjector getFaultInjector() { return faults; }

  /**
   * The block scanner: {@code triggerScanNow()} verifies every finalized replica at once,
   * {@code awaitScan(ticket, ms)} waits for it, counters say what it verified and found.
   */
  public BlockScanner getBlockScanner() { return blockScanner; }

  /** The directory scanner (replica map versus disk); {@code triggerScanNow()} as above. */
  public DirectoryScanner getDirectoryScanner() { return directoryScanner; }

  /** This DataNode's metrics2 source ({@code DataNodeActivity-<uuid>}). */
  public DataNodeMetrics getMetrics() { return metrics; }

  /** Marks local replicas corrupt and reports each to the NameNodes once. */
  public CorruptReplicaReporter getCorruptReplicaReporter() { return corruptReporter; }

  /** The per-NameNode actors. */
  public NameNodeActors getNameNodeActors() { return actors; }

  /** Sends a heartbeat to every NameNode now. */
  public void triggerHeartbeat() { actors.triggerHeartbeat(); }

  /** Sends a full block report to every NameNode now. */
  public void triggerBlockReport() { actors.triggerBlockReport(); }

  /** {@code quire datanode [generic options]}: see {@link DataNodeMain}. */
  public static void main(String[] args) {
    DataNodeMain.main(args);
  }

  /** This DataNode's block keys and token checks (valid after init). */
  public BlockTokens getBlockTokens() { return tokens; }
}
