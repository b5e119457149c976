package io.quire.namenode;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.ha.HaController;
import io.quire.namenode.ha.HaOptions;
import io.quire.namenode.http.NameNodeHttpServer;
import io.quire.namenode.http.NameNodeState;
import io.quire.namenode.image.CheckpointStore;
import io.quire.namenode.namesystem.Checkpointer;
import io.quire.namenode.namesystem.HaGate;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.namesystem.NamesystemMonitor;
import io.quire.namenode.rpc.NameNodeRpcServer;
import io.quire.namenode.security.BlockKeyManager;
import io.quire.namenode.security.BlockTokenOptions;
import io.quire.namenode.security.NameNodeLogin;
import io.quire.protocol.QuireConfigKeys;
import io.quire.protocol.ha.Nameservice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.service.CompositeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameNode service. A single NameNode (no {@code quire.nameservices}) opens its storage,
 * loads checkpoint + file journal, opens the journal with a new epoch and serves. A member of
 * an HA nameservice loads checkpoint + the shared ZooKeeper journal, starts as a standby and
 * joins the election (see namenode-ha/HA.md); its address and HTTP address come from
 * {@code quire.namenode.rpc-address.<ns>.<id>} and {@code quire.namenode.http-address.<ns>.<id>}.
 * The services of one run live in a {@link NameNodeRuntime}; an HA NameNode that must reload
 * its namespace (stepped down with records the journal may not hold) replaces it with a fresh
 * one in-process. Command line: {@link #main} (see {@link NameNodeMain}).
 */
public class NameNode extends CompositeService {
  private static final Logger LOG = LoggerFactory.getLogger(NameNode.class);

  private Configuration conf;
  private NameNodeOptions options;
  private Optional<HaOptions> ha = Optional.empty();
  private volatile NameNodeRuntime runtime;
  private NameNodeHttpServer http;
  private volatile boolean stopping;
  private volatile int reloads;
  private BlockKeyManager blockKeys;
  private UserGroupInformation serviceUser;

  public NameNode() {
    super("NameNode");
  }

  @Override protected void serviceInit(Configuration c) throws Exception {
    this.conf = new Configuration(c);
    this.ha = HaOptions.from(conf);
    if (ha.isPresent()) {
      Nameservice.Member self = ha.get().self();
      conf.set(QuireConfigKeys.NAMENODE_RPC_ADDRESS_KEY,
          self.rpc().getHostString() + ":" + self.rpc().getPort());
      if (self.http() != null) {
        conf.set(QuireConfigKeys.NAMENODE_HTTP_ADDRESS_KEY,
            self.http().getHostString() + ":" + self.http().getPort());
      }
    }
    this.options = NameNodeOptions.from(conf);
    BlockTokenOptions tokens = BlockTokenOptions.from(conf);
    this.serviceUser = NameNodeLogin.login(conf, options.rpcAddress(), tokens);
    // Outlives reloads: DataNodes hold these keys, clients hold tokens signed with them.
    this.blockKeys = new BlockKeyManager(tokens, ha.map(h -> h.nameservice().nameNodes()
        .indexOf(h.self())).orElse(0), System::currentTimeMillis);
    LOG.info("NameNode options: {}{}", options,
        ha.map(h -> "; HA: nameservice " + h.nameservice().name() + ", id " + h.selfId()
            + ", ZooKeeper " + h.zkQuorum() + ", session timeout " + h.sessionTimeoutMs()
            + " ms").orElse("") + "; block access tokens: " + (tokens.enabled()
            ? "on, key update interval " + tokens.keyUpdateIntervalMs() + " ms, lifetime "
            + tokens.tokenLifetimeMs() + " ms, key ids " + blockKeys.getNameNodeIndex()
            + "<<24 + serial" : "off") + "; authentication: "
            + (UserGroupInformation.isSecurityEnabled() ? "kerberos as " + serviceUser : "simple"));
    super.serviceInit(c);
  }

  @Override protected void serviceStart() throws Exception {
    runtime = NameNodeRuntime.start(conf, options, ha, this::reload, blockKeys, serviceUser);
    try {
      http = new NameNodeHttpServer(conf, options.httpAddress(), this::httpState);
    } catch (IOException e) {
      runtime.close();
      throw e;
    }
    super.serviceStart();
  }

  /** What the HTTP server shows: the current run's state (it outlives reloads). */
  private NameNodeState httpState() {
    NameNodeRuntime r = runtime;
    if (r == null || r.namesystem() == null || r.rpc() == null || r.checkpointer() == null) {
      return null;
    }
    return new NameNodeState() {
      @Override public CheckpointStore checkpoints() { return r.storage().getCheckpointStore(); }
      @Override public String clusterId() { return r.storage().getClusterId(); }
      @Override public HaGate gate() { return r.namesystem().getHaGate(); }
      @Override public Namesystem namesystem() { return r.namesystem(); }
      @Override public Checkpointer checkpointer() { return r.checkpointer(); }
      @Override public NameNodeRpcServer rpc() { return r.rpc(); }
    };
  }

  /**
   * Replaces the running services with fresh ones loaded from disk and the shared journal
   * (an HA NameNode whose memory may hold records the journal lacks). Retries until it works or
   * the NameNode stops; meanwhile the NameNode serves nobody.
   */
  private void reload(String reason) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      LOG.warn("NameNode reloading: {}", reason);
      NameNodeRuntime old = runtime;
      runtime = null;
      if (old != null) {
        old.close();
      }
      long backoff = 200;
      while (!stopping) {
        try {
          runtime = NameNodeRuntime.start(conf, options, ha, this::reload, blockKeys,
              serviceUser);
          reloads++;
          LOG.info("NameNode reloaded its namespace and serves again as a standby");
          return;
        } catch (IOException | RuntimeException e) {
          LOG.error("NameNode reload failed, retrying in {} ms", backoff, e);
          try {
            wait(backoff);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
          backoff = Math.min(backoff * 2, 5000);
        }
      }
    }
  }

  @Override protected void serviceStop() throws Exception {
    synchronized (this) {
      stopping = true;
      notifyAll();
      NameNodeRuntime r = runtime;
      if (r != null) {
        r.close();
      }
      if (http != null) {
        http.close();
      }
    }
    super.serviceStop();
  }

  /** The bound RPC address (valid once started). */
  public InetSocketAddress getRpcAddress() {
    return runtime.rpc().getAddress();
  }

  /** The bound HTTP address (valid once started). */
  public InetSocketAddress getHttpAddress() {
    return http.getAddress();
  }

  public boolean isInSafeMode() {
    return runtime.namesystem().getSafeMode().isOn();
  }

  /** Saves a checkpoint now; when this returns it is durable and the journal was purged. */
  public void saveCheckpointNow() throws IOException {
    runtime.checkpointer().saveCheckpointNow();
  }

  /** {@code quire namenode [-format [-force] | -bootstrapStandby [-force]]}. */
  public static void main(String[] args) {
    NameNodeMain.main(args);
  }

  public Namesystem getNamesystem() { return runtime.namesystem(); }
  public NameNodeRpcServer getRpcServer() { return runtime.rpc(); }
  public NamesystemMonitor getMonitor() { return runtime.monitor(); }
  public Checkpointer getCheckpointer() { return runtime.checkpointer(); }

  /** The HA controller of this run, or null for a single NameNode. */
  public HaController getHaController() { return runtime.controller(); }

  /** This NameNode's id in its nameservice, or empty for a single NameNode. */
  public Optional<String> getNameNodeId() { return ha.map(HaOptions::selfId); }

  /** How many times this NameNode reloaded its namespace in-process. */
  public int getReloadCount() { return reloads; }

  /** This NameNode's metrics2 source (null when not started). */
  public io.quire.namenode.metrics.NameNodeMetrics getMetrics() {
    NameNodeRuntime r = runtime;
    return r == null ? null : r.metrics();
  }

  public NameNodeOptions getOptions() { return options; }

  /** This NameNode's block keys (valid after init). */
  public BlockKeyManager getBlockKeys() { return blockKeys; }

  /**
   * Formats {@code quire.namenode.name.dir}: a new cluster id and an empty namespace saved as
   * the checkpoint at txid 0; in a nameservice also the shared journal in ZooKeeper. Refuses
   * existing data unless {@code force}.
   */
  public static String format(Configuration conf, boolean force) throws IOException {
    return NameNodeFormat.format(conf, force);
  }
}
