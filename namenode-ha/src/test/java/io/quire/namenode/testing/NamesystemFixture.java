package io.quire.namenode.testing;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.datanodes.RackResolver;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namesystem.Namesystem;
import io.quire.namenode.namesystem.NamesystemLoader;
import io.quire.namenode.namesystem.NamesystemMonitor;
import io.quire.namenode.rpc.ClientRpcHandler;
import io.quire.namenode.rpc.DataNodeRpcHandler;
import io.quire.namenode.rpc.RetryCacheSupport;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DataNodeCommand;
import io.quire.protocol.types.DataNodeId;
import io.quire.protocol.types.DataNodeRegistration;
import io.quire.protocol.types.ReplicaState;
import io.quire.protocol.types.ReportedBlock;
import io.quire.protocol.types.StorageReport;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * A namesystem on an in-memory journal with a hand-driven clock, its RPC handlers called
 * directly, and helpers that play DataNodes. A second fixture on the same journal replays it
 * and opens it with the next epoch, as a standby taking over does (the first is fenced).
 */
public final class NamesystemFixture {
  public static final String CLUSTER_ID = "CID-test";

  public final AtomicLong clock = new AtomicLong(1_000_000);
  public final InMemoryJournal journal;
  public final Configuration conf;
  public final Namesystem ns;
  public final ClientRpcHandler client;
  public final DataNodeRpcHandler datanodes;
  public final NamesystemMonitor monitor;
  public final String superUser;

  public NamesystemFixture() throws IOException {
    this(defaultConf(), new InMemoryJournal());
  }

  public NamesystemFixture(Configuration conf, InMemoryJournal journal) throws IOException {
    this.conf = conf;
    this.journal = journal;
    this.superUser = UserGroupInformation.getCurrentUser().getShortUserName();
    CallerResolver callers = new CallerResolver(superUser, "supergroup");
    this.ns = new Namesystem(NameNodeOptions.from(conf), CLUSTER_ID, callers, clock::get);
    ns.getDataNodeManager().setRackResolver(RackResolver.from(conf));
    RetryCacheSupport cache = new RetryCacheSupport(0.01f, 600_000);
    ns.setReplayedCallSink(cache::addReplayed);
    NamesystemLoader.load(ns, journal, null);
    NamesystemLoader.openForWrite(ns, journal);
    this.client = new ClientRpcHandler(ns, cache, callers, 65536);
    this.datanodes = new DataNodeRpcHandler(ns, 1);
    this.monitor = new NamesystemMonitor(ns);
    ns.read(() -> {
      ns.getSafeMode().check();
      return null;
    });
  }

  public static Configuration defaultConf() {
    Configuration c = new Configuration(false);
    c.setLong("quire.namenode.min-block-size", 1024);
    c.setInt("quire.namenode.list.limit", 1000);
    c.setLong("quire.namenode.lease.soft-limit.ms", 1000);
    c.setLong("quire.namenode.lease.hard-limit.ms", 5000);
    c.setLong("quire.namenode.heartbeat.expire.ms", 30_000);
    c.setLong("quire.namenode.safemode.extension.ms", 0);
    return c;
  }

  public DataNodeRegistration registration(int i) {
    return new DataNodeRegistration(new DataNodeId("dn-" + i, "127.0.0." + (i + 1), 9000 + i),
        CLUSTER_ID, "test");
  }

  /** Registers DataNode i with plenty of space and sends an empty full report. */
  public DataNodeRegistration addDataNode(int i) throws IOException {
    DataNodeRegistration r = datanodes.registerDataNode(registration(i));
    datanodes.sendHeartbeat(r, new StorageReport(1L << 40, 0, 1L << 40, 0, 0));
    datanodes.blockReport(r, List.of());
    return r;
  }

  /** DataNode i reports {@code b} finalized. */
  public void finalized(int i, Block b) throws IOException {
    datanodes.blockReceivedAndDeleted(registration(i),
        List.of(new ReportedBlock(b, ReplicaState.FINALIZED)), List.of());
  }

  public List<DataNodeCommand> heartbeat(int i) throws IOException {
    return datanodes.sendHeartbeat(registration(i),
        new StorageReport(1L << 40, 0, 1L << 40, 0, 0)).commands();
  }
}
