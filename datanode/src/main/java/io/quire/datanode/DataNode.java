package io.quire.datanode;

import io.quire.datanode.nnactor.ActorContext;
import io.quire.datanode.nnactor.CommandExecutor;
import io.quire.datanode.nnactor.NameNodeActors;
import io.quire.datanode.nnactor.NameNodeConnector;
import io.quire.datanode.nnactor.RpcNameNodeConnector;
import io.quire.datanode.recovery.BlockRecoveryWorker;
import io.quire.datanode.storage.DataStorage;
import io.quire.datanode.storage.FsDataset;
import io.quire.datanode.transfer.BlockOpClient;
import io.quire.datanode.transfer.BlockTransferClient;
import io.quire.datanode.transfer.DataTransferServer;
import io.quire.datanode.transfer.TransferContext;
import io.quire.protocol.types.DatanodeId;
import java.io.File;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.service.CompositeService;
import org.apache.hadoop.util.ExitUtil;
import org.apache.hadoop.util.GenericOptionsParser;
import org.apache.hadoop.util.ShutdownHookManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quire DataNode: block storage ({@link FsDataset}), the TCP data-transfer server and one
 * actor per NameNode listed in {@code quire.namenode.rpc-address}. Lifecycle:
 * {@code new DataNode()}, {@code init(conf)} (reads options, opens and scans storage),
 * {@code start()} (binds the data port, then contacts the NameNodes), {@code stop()}.
 */
public class DataNode extends CompositeService {
  private static final Logger LOG = LoggerFactory.getLogger(DataNode.class);

  private final NameNodeConnector connector;
  private final DataNodeFaultInjector faults = new DataNodeFaultInjector();
  private DataNodeOptions options;
  private FsDataset dataset;
  private DataTransferServer transferServer;
  private NameNodeActors actors;

  public DataNode() {
    this(new RpcNameNodeConnector());
  }

  /** A DataNode that reaches its NameNodes through {@code connector} (tests inject fakes). */
  public DataNode(NameNodeConnector connector) {
    super("DataNode");
    this.connector = connector;
  }

  @Override protected void serviceInit(Configuration conf) throws Exception {
    options = DataNodeOptions.from(conf);
    LOG.info("DataNode starting with {}", options);
    DataStorage storage = DataStorage.open(options.getDataDirs());
    dataset = new FsDataset(storage);
    TransferContext tctx = new TransferContext(dataset, options, faults);
    transferServer = new DataTransferServer(tctx);
    addService(transferServer);
    BlockRecoveryWorker recovery = new BlockRecoveryWorker(this::getDatanodeId, dataset,
        new BlockOpClient(options), () -> actors.proxies());
    CommandExecutor commands = new CommandExecutor(dataset,
        new BlockTransferClient(dataset, options), recovery, b -> actors.reportBadReplica(b));
    actors = new NameNodeActors(new ActorContext(conf, options, storage, dataset,
        this::getDatanodeId, tctx::getActiveTransfers, commands, connector, faults));
    dataset.addListener(actors);
    addService(actors);
    super.serviceInit(conf);
  }

  /** The bound address of the data-transfer server (after start). */
  public InetSocketAddress getDataAddress() {
    return transferServer.getAddress();
  }

  /** The UUID stored in this DataNode's storage directories. */
  public String getDatanodeUuid() {
    return dataset.getStorage().getDatanodeUuid();
  }

  /** Identity and advertised data address (after start). */
  public DatanodeId getDatanodeId() {
    return new DatanodeId(getDatanodeUuid(), options.getAdvertisedHost(),
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

  /** The per-NameNode actors. */
  public NameNodeActors getNameNodeActors() { return actors; }

  /** Sends a heartbeat to every NameNode now. */
  public void triggerHeartbeat() { actors.triggerHeartbeat(); }

  /** Sends a full block report to every NameNode now. */
  public void triggerBlockReport() { actors.triggerBlockReport(); }

  /** {@code quire datanode [generic options]}: runs a DataNode until it is stopped. */
  public static void main(String[] args) {
    try {
      Configuration conf = new Configuration();
      conf.addResource("quire-site.xml");
      new GenericOptionsParser(conf, args);
      DataNode dn = new DataNode();
      ShutdownHookManager.get().addShutdownHook(dn::stop, 10);
      dn.init(conf);
      dn.start();
      LOG.info("DataNode {} serving data on {}", dn.getDatanodeUuid(), dn.getDataAddress());
      dn.waitForServiceToStop(0);
    } catch (Throwable t) {
      LOG.error("DataNode failed", t);
      ExitUtil.terminate(1, t);
    }
  }
}
